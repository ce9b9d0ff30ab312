import type { CacheSink } from './informer.ts';
import type { KubeObject, StorageClass } from './types.ts';

/** The collection StorageClasses are listed and watched at. */
export const STORAGE_CLASSES_PATH = '/apis/storage.k8s.io/v1/storageclasses';

/**
 * One context's StorageClasses by name: cost allocation prices a PersistentVolume by what its
 * class provisions (an EBS class's `parameters.type`). Not served as resources.
 */
export class StorageClassCache implements CacheSink {
  private readonly byName = new Map<string, StorageClass>();

  replace(objects: KubeObject[]): void {
    this.byName.clear();
    for (const o of objects) this.byName.set(o.metadata.name, o);
  }

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void {
    if (type === 'DELETED') this.byName.delete(object.metadata.name);
    else this.byName.set(object.metadata.name, object);
  }

  get(name: string): StorageClass | undefined {
    return this.byName.get(name);
  }
}
