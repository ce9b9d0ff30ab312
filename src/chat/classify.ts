import type { Entities, IntentName } from './intents.ts';

// The intent rules of the built-in parser: word patterns, most specific first.

const VERBS =
  `scale|resize|bump|increase|decrease|grow|shrink|reduce|add|remove|restart|reboot|bounce|recycle|redeploy|
  cycle|kick|reload|delete|destroy|kill|drop|nuke|terminate|rm|erase|purge|stop|halt|shutdown|shut|pause|suspend|
  disable|start|resume|boot|unpause|wake|enable|cordon|uncordon|drain|revert|undo|rollback|roll|create|deploy|
  spin|setup|launch|provision|install|stand|run|list|show|get|display|find|see|ls|enumerate|describe|details|detail|
  tell|info|information|inspect|explain|look|check|status|health|overview|summary|summarize|summarise|dashboard|
  inventory|audit|history|help|apply|accept|implement|approve|reject|dismiss|decline|ignore|turn|power|switch|bring|
  give|cut|top|most|highest|biggest|heaviest|hungriest|largest|usage|utilization|utilisation|consumption|consuming|
  whos|who|hogging|hog|eating|mark|allow|prevent|schedulable|unschedulable|scheduling|more|fewer|less|extra|
  additional|another|new|fresh|sized|up|down|out|off|on|same|doing|going|wrong|ok|fine|cluster|clusters|everything`
    .split(/[|\s]+/)
    .filter(Boolean);
export const VERB_SET = new Set(VERBS);

type Rule = [IntentName, RegExp, number];

/** Ordered: the first that matches wins, so the specific comes before the general. */
const RULES: Rule[] = [
  [
    'help',
    /^(help|commands|usage|\?)$|\bwhat (can|do) you (do|support|understand)\b|\bhow (do i|to) use (you|this)\b|^help\b|\bwhat are (your|the) commands\b|\bwhat can i (ask|say|type)\b/,
    0.95,
  ],
  [
    'confirm',
    /^(yes|yep|yeah|confirm|confirmed|go ahead|do it|proceed|ok do it|execute|approved?)( it| please| now)?$/,
    0.9,
  ],
  ['cancel', /^(no|nope|nah|cancel|abort|never ?mind|forget it|don t)( it| that| thanks)?$/, 0.9],
  ['revert', /\b(revert|undo|roll ?back|take back|reverse)\b/, 0.9],
  [
    'apply_recommendation',
    /\b(apply|accept|implement|approve|execute|do)\b.*\b(recommendation|rec|suggestion)s?\b/,
    0.9,
  ],
  [
    'reject_recommendation',
    /\b(reject|dismiss|decline|ignore|refuse|skip)\b.*\b(recommendation|rec|suggestion)s?\b/,
    0.9,
  ],
  [
    'list_recommendations',
    /\b(recommendations?|suggestions?|savings?|save (some )?money|cut (the )?costs?|reduce (the )?costs?|optimi[sz]ations?|optimi[sz]e|rightsiz\w*|right-siz\w*|waste|wasted)\b/,
    0.85,
  ],
  [
    'audit_log',
    /\bwhat (did|has) [a-z][a-z0-9._-]* (do|done)\b|\b(last|latest|recent) (\d+ )?(actions|changes|events)\b|\b(audit|history|who (did|scaled|restarted|deleted|changed|stopped|started)|recent (actions|changes|events|activity)|what changed|what happened|activity|actions? (log|taken)|last (actions|changes)|changes (made|by)|failed actions|actions (by|from))\b/,
    0.85,
  ],
  [
    'uncordon',
    /\buncordon\b|\bback (in|into) (rotation|service)\b|\bmark\b.*\bschedulable\b|\ballow scheduling\b|\bmake\b.*\bschedulable\b/,
    0.9,
  ],
  ['cordon', /\bcordon\b|\bunschedulable\b|\b(stop|prevent|disable) scheduling\b|\bdrain\b/, 0.9],
];

export const CREATE =
  /\b(create|deploy|spin up|set up|setup|launch|provision|install|stand up|run|give me|new|make|start an?|bring up an?|i (want|need) an?)\b/;
/** Creation verbs alone ("make it 3" is not a creation). */
const CREATING = /\b(create|deploy|spin up|set up|setup|launch|provision|install|stand up)\b/;
export const ACTION_WORDS =
  /\b(scale|resize|restart|reboot|bounce|delete|remove|destroy|stop|start|cordon|uncordon|revert|undo|create|deploy|describe|list|show)\b/;
const DELETE =
  /\b(delete|remove|destroy|kill|get rid of|drop|nuke|terminate|rm|tear down|erase|purge)\b/;
const SCALE =
  /\b(scale|scaled|resize|bump|increase|decrease|grow|shrink|reduce|replicas?|copies)\b/;
const RESTART =
  /\broll(?! ?back)\b|\b(restart|reboot|bounce|recycle|redeploy|rollout restart|cycle|kick|reload)\b/;
const STOP =
  /\b(stop|halt|shut ?down|shut off|pause|turn off|power off|switch off|suspend|disable)\b/;
const START =
  /\b(start|resume|turn on|power on|switch on|boot|unpause|bring back|wake up|bring up|enable)\b/;
const TOP = /\b(most|top|highest|biggest|heaviest|hungriest|largest|hogging|hog|eating)\b/;
const USAGE = /\b(usage|utili[sz]ation|consumption|consuming|how much|using)\b/;
const STATUS =
  /\b(status|health|healthy|is everything|are (the )?clusters?|up and running|how are things|anything wrong|what s wrong|is the cluster)\b/;
const OVERVIEW =
  /\b(overview|summary|summari[sz]e|dashboard|big picture|inventory|what do (we|i) have|what s running)\b/;
const DESCRIBE =
  /\b(describe|details?|tell me about|info(rmation)? (on|about|for)|inspect|explain|what is|look at|status of|how is|state of)\b/;
const LIST =
  /\b(list|show|get|display|find|see|ls|enumerate|which|what|how many|are there|any|give me)\b/;
/**
 * Whether words ask for something themselves (a verb, a question), or only fill in slots of
 * the previous request ("the one in staging", "memory?", "3 instead").
 */
export function asksSomething(t: string): boolean {
  return (
    RULES.some(([, re]) => re.test(t)) ||
    [
      CREATING,
      DELETE,
      SCALE,
      RESTART,
      STOP,
      START,
      TOP,
      USAGE,
      STATUS,
      OVERVIEW,
      DESCRIBE,
      LIST,
    ].some((re) => re.test(t))
  );
}

export function classify(t: string, e: Entities, hasName: boolean): [IntentName, number] {
  for (const [intent, re, conf] of RULES) if (re.test(t)) return [intent, conf];
  if (CREATE.test(t) && (e.template || e.image))
    return ['create', e.template || e.image ? 0.92 : 0.6];
  if (/\b(remove|drop|cut)\b/.test(t) && e.delta !== undefined) return ['scale_relative', 0.9];
  if (DELETE.test(t)) return ['delete', hasName ? 0.92 : 0.7];
  const setTo = e.replicas !== undefined && hasName && /\b(to|at|make|set)\b/.test(t);
  if (SCALE.test(t) || (setTo && !(e.template || e.image))) {
    if (e.replicas !== undefined) return ['scale', 0.93];
    if (e.delta !== undefined) return ['scale_relative', 0.92];
    if (/\b(up|out|increase|grow|bump|more)\b/.test(t)) return ['scale_relative', 0.75];
    if (/\b(down|in|decrease|shrink|reduce|fewer|less)\b/.test(t)) return ['scale_relative', 0.75];
    return ['scale', 0.5];
  }
  if (e.delta !== undefined && hasName) return ['scale_relative', 0.85];
  if (RESTART.test(t)) return ['restart', 0.92];
  if (STOP.test(t)) return ['stop', 0.9];
  if (START.test(t)) return ['start', 0.9];
  if (e.metric && (TOP.test(t) || !hasName)) return ['top_usage', 0.88];
  if (TOP.test(t) && USAGE.test(t)) return ['top_usage', 0.8];
  if (e.metric || (USAGE.test(t) && hasName)) return ['resource_usage', 0.85];
  if (STATUS.test(t) && !hasName) return ['status', 0.88];
  if (OVERVIEW.test(t)) return ['overview', 0.88];
  if (DESCRIBE.test(t) && hasName) return ['describe_resource', 0.88];
  if (LIST.test(t) || e.kind || e.state || e.label) {
    if (hasName && !e.kind && !LIST.test(t)) return ['describe_resource', 0.7];
    return ['list_resources', e.kind ? 0.9 : 0.7];
  }
  if (STATUS.test(t)) return ['describe_resource', 0.75];
  if (hasName) return ['describe_resource', 0.45];
  return ['unknown', 0.2];
}

/** Default amount for "scale up X" with no number. */
