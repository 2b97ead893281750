package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// EnvPrefix starts the environment name of every field: the YAML path in
// upper case joined by underscores, list entries by index
// (ATTACHE_HTTP_LISTEN, ATTACHE_CHANNELS_0_SCHEDULE).
const EnvPrefix = "ATTACHE"

// maxEnvListIndex bounds list entries created from the environment, so that a
// stray ATTACHE_SOURCES_99999999_URL cannot allocate a huge list.
const maxEnvListIndex = 999

// contractAliases are the conventional names platforms and hosting tools use.
// They apply before the ATTACHE_ names, so the specific name wins when both
// are set.
var contractAliases = map[string][]string{
	"slack.bot_token":      {"SLACK_BOT_TOKEN"},
	"slack.signing_secret": {"SLACK_SIGNING_SECRET"},
	"slack.app_token":      {"SLACK_APP_TOKEN"},
	"matrix.homeserver":    {"MATRIX_HOMESERVER"},
	"matrix.user_id":       {"MATRIX_USER_ID"},
	"matrix.access_token":  {"MATRIX_ACCESS_TOKEN"},
	"matrix.password":      {"MATRIX_PASSWORD"},
	"matrix.pickle_key":    {"MATRIX_PICKLE_KEY"},
	"database.dsn":         {"DATABASE_URL"},
}

var durationType = reflect.TypeOf(time.Duration(0))

// EnvNames lists, for every field, the environment variables that set it,
// in the order they apply; list fields appear for entry 0
// ("sources[0].url": ATTACHE_SOURCES_0_URL).
func EnvNames() map[string][]string {
	names := map[string][]string{}
	c := Default()
	c.Sources, c.Channels = make([]Source, 1), make([]Channel, 1)
	_ = walkFields(reflect.ValueOf(c).Elem(), "", EnvPrefix, func(f field) error {
		names[f.Path] = envNamesFor(f)
		return nil
	})
	return names
}

func envNamesFor(f field) []string {
	return append(append([]string(nil), contractAliases[f.Path]...), f.Env)
}

// applyEnv overrides fields from the environment. An empty variable is
// ignored, so that `KEY=` lines in env files do not wipe file settings.
func (c *Config) applyEnv(env map[string]string) error {
	root := reflect.ValueOf(c).Elem()
	if err := growListsFromEnv(root, EnvPrefix, env); err != nil {
		return err
	}
	var errs []error
	_ = walkFields(root, "", EnvPrefix, func(f field) error {
		for _, name := range envNamesFor(f) {
			value, ok, err := lookupEnv(env, name, f.Secret != "")
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if !ok {
				continue
			}
			if err := setFromString(f.Value, value); err != nil {
				// Only non-string fields fail to parse, and no secret is one,
				// so quoting the value here cannot leak a secret.
				errs = append(errs, fmt.Errorf("config: %s=%q: %w", name, value, err))
			}
		}
		return nil
	})
	return errors.Join(errs...)
}

// lookupEnv returns the value of name, or for secrets the content of the
// file named by name_FILE (one trailing newline trimmed, as written by most
// secret stores and editors).
func lookupEnv(env map[string]string, name string, secret bool) (string, bool, error) {
	value := env[name]
	if !secret {
		return value, value != "", nil
	}
	file := env[name+"_FILE"]
	switch {
	case file == "":
		return value, value != "", nil
	case value != "":
		return "", false, fmt.Errorf("config: both %s and %s_FILE are set; set only one", name, name)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", false, fmt.Errorf("config: %s_FILE: %w", name, err)
	}
	value = strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	if value == "" {
		return "", false, fmt.Errorf("config: %s_FILE: %s is empty", name, file)
	}
	return value, true, nil
}

// growListsFromEnv extends lists of entries (sources, channels) so that
// ATTACHE_SOURCES_<n>_... variables can add entries as well as change them.
func growListsFromEnv(v reflect.Value, env string, vars map[string]string) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name := yamlName(t.Field(i))
		if name == "" {
			continue
		}
		fv, fenv := v.Field(i), env+"_"+strings.ToUpper(name)
		switch {
		case fv.Kind() == reflect.Struct && fv.Type() != durationType:
			if err := growListsFromEnv(fv, fenv, vars); err != nil {
				return err
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct:
			n, err := envListLen(fenv+"_", vars)
			if err != nil {
				return err
			}
			if n > fv.Len() {
				grown := reflect.MakeSlice(fv.Type(), n, n)
				reflect.Copy(grown, fv)
				fv.Set(grown)
			}
			for j := 0; j < fv.Len(); j++ {
				if err := growListsFromEnv(fv.Index(j), fenv+"_"+strconv.Itoa(j), vars); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// envListLen is one more than the highest index used in variables named
// prefix<index>_..., 0 when none is.
func envListLen(prefix string, vars map[string]string) (int, error) {
	n := 0
	for name, value := range vars {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || value == "" {
			continue
		}
		digits, _, ok := strings.Cut(rest, "_")
		if !ok {
			continue
		}
		idx, err := strconv.Atoi(digits)
		if err != nil {
			continue // another setting sharing the prefix, not a list index
		}
		if idx < 0 || idx > maxEnvListIndex {
			return 0, fmt.Errorf("config: %s: list index %d out of range 0..%d", name, idx, maxEnvListIndex)
		}
		n = max(n, idx+1)
	}
	return n, nil
}

// setFromString parses s into a field of one of the kinds the schema uses.
func setFromString(v reflect.Value, s string) error {
	if v.Type() == durationType {
		d, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		v.SetInt(int64(d))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("not a boolean (use true or false)")
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("not an integer")
		}
		if v.OverflowInt(n) {
			return fmt.Errorf("out of range")
		}
		v.SetInt(n)
	case reflect.Pointer:
		// An optional boolean (matrix.encryption): set means chosen.
		if v.Type().Elem().Kind() != reflect.Bool {
			return fmt.Errorf("unsupported field type %s", v.Type())
		}
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("not a boolean (use true or false)")
		}
		v.Set(reflect.ValueOf(&b))
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			return fmt.Errorf("unsupported list type %s", v.Type())
		}
		// A comma-separated list replaces the file's list.
		var items []string
		for item := range strings.SplitSeq(s, ",") {
			if item = strings.TrimSpace(item); item != "" {
				items = append(items, item)
			}
		}
		v.Set(reflect.ValueOf(items))
	default:
		return fmt.Errorf("unsupported field type %s", v.Type())
	}
	return nil
}

// toolEnv are ATTACHE_ variables that are not configuration fields: the
// configuration path, the healthcheck's URL, and the test, CI and build
// scripts' own settings (by prefix).
var toolEnv = []string{
	PathEnv, "ATTACHE_HEALTHCHECK_URL",
	"ATTACHE_TEST_", "ATTACHE_CI_", "ATTACHE_E2E", "ATTACHE_DENDRITE_", "ATTACHE_BENCH_",
	"ATTACHE_BOT_REPLICA_", "ATTACHE_CACHE_DIR", "ATTACHE_IMAGE", "ATTACHE_PG_", "ATTACHE_EVAL_",
}

var envListIndex = regexp.MustCompile(`^(ATTACHE_(?:SOURCES|CHANNELS))_\d+_`)

// UnknownEnv lists, sorted, the ATTACHE_* variables of environ (os.Environ
// form) that name no configuration field: a misspelt ATTACHE_HTTP_LISTN
// would otherwise be ignored without a word. `config check` reports them
// as errors, `run` as warnings.
func UnknownEnv(environ []string) []string {
	known := map[string]bool{}
	for path, names := range EnvNames() {
		for _, n := range names {
			known[n] = true
			if secretPath(path) {
				known[n+"_FILE"] = true
			}
		}
	}
	var unknown []string
	for name := range parseEnviron(environ) {
		if !strings.HasPrefix(name, EnvPrefix+"_") || known[envListIndex.ReplaceAllString(name, "${1}_0_")] {
			continue
		}
		tool := false
		for _, t := range toolEnv {
			tool = tool || name == t || (strings.HasSuffix(t, "_") && strings.HasPrefix(name, t))
		}
		if !tool {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	return unknown
}

// secretPath reports whether the field at path is a secret (and so may be
// read from a *_FILE variable).
func secretPath(path string) bool {
	secret := false
	c := Default()
	c.Sources, c.Channels = make([]Source, 1), make([]Channel, 1)
	_ = walkFields(reflect.ValueOf(c).Elem(), "", EnvPrefix, func(f field) error {
		if f.Path == path && f.Secret != "" {
			secret = true
		}
		return nil
	})
	return secret
}
