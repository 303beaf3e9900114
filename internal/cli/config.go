package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/dustin/go-humanize"
	"github.com/spf13/cast"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	extract "github.com/extract-news/extract"
	"github.com/extract-news/extract/internal/regular"
)

// Config is the resolved configuration of one run.
type Config struct {
	Pretty       bool
	Format       string   // one of formats
	Languages    []string // the only languages written; nil for all
	Rules        string
	Timeout      time.Duration
	MaxBytes     int64
	MaxRedirects int
	UserAgent    string
	Attempts     int           // tries per URL
	PerHost      int           // requests in flight per host
	Jobs         int           // workers; 0 for one per core
	Unordered    bool          // write records as they are done
	TimeLimit    time.Duration // per article; 0 for none

	AllowPrivateRedirects bool // follow redirects into the user's own network

	Delay        time.Duration // between two requests to one host
	IgnoreRobots bool          // fetch what robots.txt does not allow
}

// flagKeys binds each flag to its configuration key.
var flagKeys = map[string]string{
	"pretty":          "output.pretty",
	"format":          "output.format",
	"languages":       "output.languages",
	"rules":           "rules",
	"timeout":         "fetch.timeout",
	"max-bytes":       "fetch.max_bytes",
	"max-redirects":   "fetch.max_redirects",
	"user-agent":      "fetch.user_agent",
	"attempts":        "fetch.attempts",
	"per-host":        "fetch.per_host",
	"jobs":            "batch.jobs",
	"unordered":       "batch.unordered",
	"article-timeout": "batch.article_timeout",

	"allow-private-redirects": "fetch.allow_private_redirects",

	"delay":         "fetch.delay",
	"ignore-robots": "fetch.ignore_robots",
}

// defaultConfig is the embedded config.yaml alone.
func defaultConfig() (Config, error) {
	v, err := builtinViper()
	if err != nil {
		return Config{}, err
	}
	return decodeConfig(v)
}

func builtinViper() (*viper.Viper, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(extract.DefaultConfig())); err != nil {
		return nil, fmt.Errorf("reading the built-in configuration: %w", err)
	}
	return v, nil
}

// warnUnknownEnv warns on stderr about each EXTRACT_ variable of environ
// (as os.Environ gives it) that names no setting, with the nearest one
// that does when it is near.
func warnUnknownEnv(environ []string, stderr io.Writer) {
	v, err := builtinViper()
	if err != nil {
		return // run reports it
	}
	known := []string{"EXTRACT_CONFIG"}
	for _, key := range v.AllKeys() {
		known = append(known, envName(key))
	}
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "EXTRACT_") || slices.Contains(known, name) {
			continue
		}
		msg := fmt.Sprintf("extract: warning: %s is not a setting of extract and is ignored", name)
		if near := nearest(name, known); near != "" {
			msg += "; did you mean " + near + "?"
		}
		fmt.Fprintln(stderr, msg)
	}
}

// envName is the environment variable of a setting: fetch.timeout is
// EXTRACT_FETCH_TIMEOUT.
func envName(key string) string {
	return "EXTRACT_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// nearest returns the name of names closest to name, within a few edits,
// else one that ends as name does past EXTRACT_ (EXTRACT_JOBS is
// EXTRACT_BATCH_JOBS), else "".
func nearest(name string, names []string) string {
	best, bestDist := "", 4
	for _, n := range names {
		if d := levenshtein.ComputeDistance(name, n); d < bestDist {
			best, bestDist = n, d
		}
	}
	for _, n := range names {
		if best == "" && strings.HasSuffix(n, "_"+strings.TrimPrefix(name, "EXTRACT_")) {
			best = n
		}
	}
	return best
}

// maxConfigBytes is the largest config file extract reads.
const maxConfigBytes = 1_000_000

// loadConfig resolves the configuration: flag > EXTRACT_* environment >
// the user's config file > the embedded defaults. A config file at the
// default location that cannot be read is skipped with a warning on stderr;
// one named by --config or $EXTRACT_CONFIG is an error.
func loadConfig(flags *pflag.FlagSet, getenv func(string) string, stderr io.Writer) (Config, error) {
	v, err := builtinViper()
	if err != nil {
		return Config{}, err
	}
	known := v.AllKeys()
	if err := mergeConfigFile(v, known, flags, getenv, stderr); err != nil {
		return Config{}, err
	}
	for _, key := range known {
		if val := getenv(envName(key)); val != "" {
			v.Set(key, val)
		}
	}
	for flag, key := range flagKeys {
		if f := flags.Lookup(flag); f != nil && f.Changed {
			v.Set(key, f.Value.String())
		}
	}
	return decodeConfig(v)
}

// mergeConfigFile merges the user's config file, when there is one, over v.
func mergeConfigFile(v *viper.Viper, known []string, flags *pflag.FlagSet, getenv func(string) string, stderr io.Writer) error {
	path, named := userConfigPath(flags, getenv)
	if path == "" {
		return nil
	}
	data, err := regular.ReadFile(os.DirFS(filepath.Dir(path)), filepath.Base(path), maxConfigBytes)
	switch {
	case err != nil && !named && errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil && !named:
		fmt.Fprintf(stderr, "extract: warning: config file %s %v; going on without it\n", path, err)
		return nil
	case err != nil:
		return fmt.Errorf("config file %s %w", path, err)
	}
	return mergeUserConfig(v, path, data, known)
}

// userConfigPath is --config, else $EXTRACT_CONFIG, else the user's config
// folder's extract/config.yaml, else "". named says the user gave the path.
func userConfigPath(flags *pflag.FlagSet, getenv func(string) string) (path string, named bool) {
	if f := flags.Lookup("config"); f != nil && f.Changed {
		return f.Value.String(), true
	}
	if p := getenv("EXTRACT_CONFIG"); p != "" {
		return p, true
	}
	home := getenv("XDG_CONFIG_HOME")
	if home == "" {
		if h := getenv("HOME"); h != "" {
			home = filepath.Join(h, ".config")
		}
	}
	if home == "" {
		return "", false
	}
	return filepath.Join(home, "extract", "config.yaml"), false
}

// mergeUserConfig merges the user's file over the defaults, refusing keys
// that extract does not know (a typo would otherwise be silently ignored).
func mergeUserConfig(v *viper.Viper, path string, data []byte, known []string) error {
	user := viper.New()
	user.SetConfigType("yaml")
	if err := user.ReadConfig(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("config file %s: not valid YAML: %v", path, err)
	}
	var unknown []string
	for _, k := range user.AllKeys() {
		if !contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("config file %s: unknown setting %s; known settings are %s",
			path, strings.Join(unknown, ", "), strings.Join(sorted(known), ", "))
	}
	return v.MergeConfig(bytes.NewReader(data))
}

// decodeConfig reads and checks every setting.
func decodeConfig(v *viper.Viper) (Config, error) {
	var c Config
	var err error
	if c.Pretty, err = cast.ToBoolE(v.Get("output.pretty")); err != nil {
		return c, fmt.Errorf("output.pretty: %q is not true or false", v.GetString("output.pretty"))
	}
	if err := decodeOutput(v, &c); err != nil {
		return c, err
	}
	c.Rules = v.GetString("rules")
	if c.Timeout, err = cast.ToDurationE(v.Get("fetch.timeout")); err != nil || c.Timeout <= 0 {
		return c, fmt.Errorf("fetch.timeout: %q is not a duration such as 30s or 2m", v.GetString("fetch.timeout"))
	}
	if c.MaxBytes, err = parseSize(v.GetString("fetch.max_bytes")); err != nil {
		return c, fmt.Errorf("fetch.max_bytes: %w", err)
	}
	if c.MaxRedirects, err = cast.ToIntE(v.Get("fetch.max_redirects")); err != nil || c.MaxRedirects < 0 {
		return c, fmt.Errorf("fetch.max_redirects: %q is not a number", v.GetString("fetch.max_redirects"))
	}
	c.UserAgent = v.GetString("fetch.user_agent")
	if c.Attempts, err = cast.ToIntE(v.Get("fetch.attempts")); err != nil || c.Attempts < 1 {
		return c, fmt.Errorf("fetch.attempts: %q is not a number of tries (1 or more)", v.GetString("fetch.attempts"))
	}
	if c.PerHost, err = cast.ToIntE(v.Get("fetch.per_host")); err != nil || c.PerHost < 1 {
		return c, fmt.Errorf("fetch.per_host: %q is not a number of requests (1 or more)", v.GetString("fetch.per_host"))
	}
	if c.AllowPrivateRedirects, err = cast.ToBoolE(v.Get("fetch.allow_private_redirects")); err != nil {
		return c, fmt.Errorf("fetch.allow_private_redirects: %q is not true or false", v.GetString("fetch.allow_private_redirects"))
	}
	if err := decodePolite(v, &c); err != nil {
		return c, err
	}
	return c, decodeBatch(v, &c)
}

// decodePolite reads and checks the settings that spare the sites fetched
// from.
func decodePolite(v *viper.Viper, c *Config) error {
	var err error
	if c.Delay, err = cast.ToDurationE(v.Get("fetch.delay")); err != nil || c.Delay < 0 {
		return fmt.Errorf("fetch.delay: %q is not a duration such as 1s (0 for none)", v.GetString("fetch.delay"))
	}
	if c.IgnoreRobots, err = cast.ToBoolE(v.Get("fetch.ignore_robots")); err != nil {
		return fmt.Errorf("fetch.ignore_robots: %q is not true or false", v.GetString("fetch.ignore_robots"))
	}
	return nil
}

// decodeOutput reads and checks the output settings but pretty.
func decodeOutput(v *viper.Viper, c *Config) error {
	c.Format = v.GetString("output.format")
	if !slices.Contains(formats, c.Format) {
		return fmt.Errorf("output.format: %q is not a format; the formats are %s", c.Format, strings.Join(formats, ", "))
	}
	for _, l := range strings.Split(v.GetString("output.languages"), ",") {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" {
			continue
		}
		if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
			return fmt.Errorf("output.languages: %q is not a language code such as en or de", l)
		}
		c.Languages = append(c.Languages, l)
	}
	return nil
}

// decodeBatch reads and checks the batch settings.
func decodeBatch(v *viper.Viper, c *Config) error {
	var err error
	if c.Jobs, err = cast.ToIntE(v.Get("batch.jobs")); err != nil || c.Jobs < 0 {
		return fmt.Errorf("batch.jobs: %q is not a number of workers (0 for one per core)", v.GetString("batch.jobs"))
	}
	if c.Unordered, err = cast.ToBoolE(v.Get("batch.unordered")); err != nil {
		return fmt.Errorf("batch.unordered: %q is not true or false", v.GetString("batch.unordered"))
	}
	if c.TimeLimit, err = cast.ToDurationE(v.Get("batch.article_timeout")); err != nil || c.TimeLimit < 0 {
		return fmt.Errorf("batch.article_timeout: %q is not a duration such as 2m (0 for no limit)", v.GetString("batch.article_timeout"))
	}
	return nil
}

// parseSize reads a size in bytes, given as a number of bytes or with a
// unit: 20MB is 20,000,000 bytes, 20MiB 20,971,520, as go-humanize reads
// them.
func parseSize(s string) (int64, error) {
	n, err := humanize.ParseBytes(s)
	if err != nil || n == 0 || n > math.MaxInt64 {
		return 0, fmt.Errorf("%q is not a size such as 20MB, 512KiB or 1000000 (bytes)", s)
	}
	return int64(n), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}
