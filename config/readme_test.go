package config

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDocumentsEveryField keeps the configuration reference in the
// README true: every field is in its table and its YAML example parses.
func TestREADMEDocumentsEveryField(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skip("README.md not found")
	}
	readme := string(data)
	for path, envs := range EnvNames() {
		doc := strings.ReplaceAll(path, "[0]", "[]")
		if !strings.Contains(readme, "`"+doc+"`") {
			t.Errorf("README does not document %s", doc)
		}
		for _, env := range envs {
			if !strings.HasPrefix(env, EnvPrefix) && !strings.Contains(readme, env) {
				t.Errorf("README does not mention %s (sets %s)", env, doc)
			}
		}
	}
	_, example, ok := strings.Cut(readme, "```yaml\n")
	if !ok {
		t.Fatal("README has no YAML example")
	}
	example, _, _ = strings.Cut(example, "```")
	if _, err := Parse([]byte(example)); err != nil {
		t.Errorf("README's YAML example does not parse: %v", err)
	}
}
