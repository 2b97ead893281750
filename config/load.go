package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PathEnv names the environment variable holding the configuration file
// path when none is given on the command line.
const PathEnv = "ATTACHE_CONFIG"

// Load reads the YAML file at path (or at $ATTACHE_CONFIG when path is "",
// or nothing when both are empty), applies environment overrides and fills
// defaults. It does not validate: call Validate for the full list of problems.
func Load(path string) (*Config, error) {
	return load(path, os.Environ())
}

func load(path string, environ []string) (*Config, error) {
	env := parseEnviron(environ)
	if path == "" {
		path = env[PathEnv]
	}
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		if err := decode(data, cfg); err != nil {
			return nil, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	if err := cfg.applyEnv(env); err != nil {
		return nil, err
	}
	cfg.fillListDefaults()
	return cfg, nil
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

func decode(data []byte, cfg *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(cfg)
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
		return nil
	case err != nil:
		return err
	}
	return errors.New("more than one YAML document; remove the extra \"---\"")
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
