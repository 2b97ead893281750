package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PathEnv names the environment variable holding the configuration file
// path when none is given on the command line.
const PathEnv = "ATTACHE_CONFIG"

// Load reads the YAML file at path (or at $ATTACHE_CONFIG when path is "",
// or nothing when both are empty), applies environment overrides and fills
// defaults. Relative source paths in the file are taken from the file's
// folder. It does not validate: Check does both. When fields of the file
// are wrong (unknown keys, values of the wrong type) it returns Errors
// together with the configuration as far as it decoded, so that they can be
// reported with Validate's in one pass.
func Load(path string) (*Config, error) {
	return load(path, os.Environ())
}

// Check loads the configuration like Load and validates it: every problem
// of the file and of its values comes back in one Errors, in file order
// then field order. Other failures (unreadable file, broken YAML syntax,
// bad environment values) come back alone.
func Check(path string) (*Config, error) {
	cfg, err := Load(path)
	var errs Errors
	if err != nil && !errors.As(err, &errs) {
		return nil, err
	}
	var invalid Errors
	if verr := cfg.Validate(); verr != nil {
		errors.As(verr, &invalid)
	}
	if all := append(errs, invalid...); len(all) > 0 {
		return cfg, all
	}
	return cfg, nil
}

func load(path string, environ []string) (*Config, error) {
	env := parseEnviron(environ)
	if path == "" {
		path = env[PathEnv]
	}
	cfg := Default()
	var fileErrs Errors
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		if err := decode(data, cfg); err != nil && !errors.As(err, &fileErrs) {
			return nil, fmt.Errorf("config: %s: %w", path, err)
		}
		cfg.resolvePaths(filepath.Dir(path))
	}
	if err := cfg.applyEnv(env); err != nil {
		return nil, err
	}
	cfg.fillListDefaults()
	if len(fileErrs) > 0 {
		return cfg, fileErrs
	}
	return cfg, nil
}

// resolvePaths makes the file's relative source paths relative to its
// folder, so that a configuration works from any working directory.
func (c *Config) resolvePaths(dir string) {
	for i, s := range c.Sources {
		if s.Path != "" && !filepath.IsAbs(s.Path) {
			c.Sources[i].Path = filepath.Join(dir, s.Path)
		}
	}
}

// Parse decodes a YAML document on top of the defaults, without environment
// overrides. Unknown fields are errors so that a typo never silently turns a
// setting off.
func Parse(data []byte) (*Config, error) {
	cfg := Default()
	if err := decode(data, cfg); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	cfg.fillListDefaults()
	return cfg, nil
}

// decode decodes data on top of cfg. A syntax error comes back as the YAML
// parser's error; problems of fields as Errors (see decodeChecked).
func decode(data []byte, cfg *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	err := dec.Decode(&root)
	if errors.Is(err, io.EOF) {
		return nil // an empty file keeps the defaults
	}
	if err != nil {
		return err
	}
	// A second document is almost always a stray "---" splitting the file in
	// two, which would otherwise drop everything after it unnoticed.
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return err
	default:
		return errors.New("more than one YAML document; remove the extra \"---\"")
	}
	if errs := decodeChecked(&root, data, cfg); len(errs) > 0 {
		return errs
	}
	return nil
}

// parseEnviron turns os.Environ-style "KEY=value" entries into a map.
func parseEnviron(environ []string) map[string]string {
	env := make(map[string]string, len(environ))
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}
