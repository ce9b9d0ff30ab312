// Command oidc-provider is the lab's OpenID Connect provider: zitadel/oidc's certified `op`
// package with its in-memory example storage, plus what the orchestrator's tests need and
// the example lacks: static users with groups (a `groups` claim in the ID token), a signing
// key that rotates on demand (the JWKS keeps the previous key so issued tokens stay valid),
// and a settable ID token lifetime so a test can obtain a token that really expires.
//
// Users (password `lab-password`): alice (groups sre), carol (groups admins), bob (none).
// Clients (public, PKCE): `orchestrator` and `other-app` (a second audience).
// Lab-only control endpoints: POST /lab/rotate-keys, POST /lab/id-token-lifetime?seconds=N.
package main

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/text/language"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

const password = "lab-password"

type labUser struct {
	storage.User
	groups []string
}

var users = []labUser{
	{User: storage.User{ID: "u-alice", Username: "alice", FirstName: "Alice", LastName: "Operator", Email: "alice@lab.test"}, groups: []string{"sre"}},
	{User: storage.User{ID: "u-carol", Username: "carol", FirstName: "Carol", LastName: "Admin", Email: "carol@lab.test"}, groups: []string{"admins"}},
	{User: storage.User{ID: "u-bob", Username: "bob", FirstName: "Bob", LastName: "Nogroup", Email: "bob@lab.test"}},
}

// userStore implements storage.UserStore over the static users.
type userStore struct{}

func (userStore) GetUserByID(id string) *storage.User {
	for i := range users {
		if users[i].ID == id {
			return &users[i].User
		}
	}
	return nil
}

func (userStore) GetUserByUsername(name string) *storage.User {
	for i := range users {
		if users[i].Username == name {
			return &users[i].User
		}
	}
	return nil
}

func (userStore) ExampleClientID() string { return storage.ServiceUserID }

func groupsOf(id string) []string {
	for _, u := range users {
		if u.ID == id {
			return u.groups
		}
	}
	return nil
}

type rsaKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k *rsaKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *rsaKey) Algorithm() jose.SignatureAlgorithm          { return jose.RS256 }
func (k *rsaKey) ID() string                                  { return k.id }
func (k *rsaKey) Use() string                                 { return "sig" }

type publicKey struct{ *rsaKey }

func (k publicKey) Key() any { return &k.key.PublicKey }

type privateKey struct{ *rsaKey }

func (k privateKey) Key() any { return k.key }

// labStorage overrides the example storage's keys, ID token claims and client lifetimes.
type labStorage struct {
	*storage.Storage
	mu       sync.Mutex
	keys     []*rsaKey // the last one signs; the one before stays published
	lifetime time.Duration
	serial   int
}

func (s *labStorage) rotate() (string, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.serial++
	next := &rsaKey{id: fmt.Sprintf("lab-key-%d-%d", time.Now().Unix(), s.serial), key: k}
	s.keys = append(s.keys, next)
	if len(s.keys) > 2 {
		s.keys = s.keys[len(s.keys)-2:]
	}
	return next.id, nil
}

func (s *labStorage) SigningKey(context.Context) (op.SigningKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return privateKey{s.keys[len(s.keys)-1]}, nil
}

func (s *labStorage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *labStorage) KeySet(context.Context) ([]op.Key, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]op.Key, 0, len(s.keys))
	for _, k := range s.keys {
		out = append(out, publicKey{k})
	}
	return out, nil
}

// SetUserinfoFromRequest runs when an ID token is created: add the user's groups.
func (s *labStorage) SetUserinfoFromRequest(ctx context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	if err := s.Storage.SetUserinfoFromRequest(ctx, info, req, scopes); err != nil {
		return err
	}
	info.AppendClaims("groups", append([]string{}, groupsOf(req.GetSubject())...))
	return nil
}

type labClient struct {
	op.Client
	s *labStorage
}

func (c labClient) IDTokenLifetime() time.Duration {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.s.lifetime
}

// IDTokenUserinfoClaimsAssertion puts name and email into the ID token even beside an access
// token, as Dex and most providers do, so a relying party can name the user from it alone.
func (c labClient) IDTokenUserinfoClaimsAssertion() bool { return true }

func (s *labStorage) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := s.Storage.GetClientByClientID(ctx, id)
	if err != nil {
		return nil, err
	}
	return labClient{c, s}, nil
}

func main() {
	port := flag.Int("port", 0, "port to listen on (127.0.0.1)")
	redirects := flag.String("redirect-uris", "http://localhost/callback", "comma-separated redirect URIs for both clients")
	flag.Parse()
	if *port == 0 {
		fmt.Fprintln(os.Stderr, "oidc-provider: --port is required")
		os.Exit(2)
	}
	issuer := fmt.Sprintf("http://127.0.0.1:%d", *port)
	uris := strings.Split(*redirects, ",")
	storage.RegisterClients(storage.NativeClient("orchestrator", uris...), storage.NativeClient("other-app", uris...))
	for i := range users {
		users[i].Password = password
		users[i].EmailVerified = true
		users[i].PreferredLanguage = language.English
	}
	st := &labStorage{Storage: storage.NewStorage(userStore{}), lifetime: time.Hour}
	if _, err := st.rotate(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	router := exampleop.SetupServer(issuer, st, logger, false)
	router.Post("/lab/rotate-keys", func(w http.ResponseWriter, _ *http.Request) {
		id, err := st.rotate()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		logger.Info("rotated signing key", "kid", id)
		fmt.Fprintf(w, "{\"kid\":%q}\n", id)
	})
	router.Post("/lab/id-token-lifetime", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.URL.Query().Get("seconds"))
		if err != nil || n < 1 || n > 86400 {
			http.Error(w, "seconds must be an integer in 1..86400", http.StatusBadRequest)
			return
		}
		st.mu.Lock()
		st.lifetime = time.Duration(n) * time.Second
		st.mu.Unlock()
		fmt.Fprintf(w, "{\"seconds\":%d}\n", n)
	})
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", *port), Handler: router, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	logger.Info("oidc provider listening", "issuer", issuer)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		logger.Error("server failed", "error", err)
		os.Exit(1)
	}
}
