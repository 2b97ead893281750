package slack

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestManifestMatchesAdapter keeps the app manifest users install in step
// with what the adapter accepts: the commands, their usage, the request URL
// path and the scopes delivery needs.
func TestManifestMatchesAdapter(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "deploy", "slack-manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command   string `yaml:"command"`
				URL       string `yaml:"url"`
				UsageHint string `yaml:"usage_hint"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			SocketMode *bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	var commands []string
	for _, c := range m.Features.SlashCommands {
		commands = append(commands, c.Command)
		if !strings.HasPrefix(c.URL, "https://") || !strings.HasSuffix(c.URL, CommandsPath) {
			t.Errorf("%s: request URL %q does not end in %s", c.Command, c.URL, CommandsPath)
		}
		if c.Command == MainCommand && c.UsageHint != UsageHint {
			t.Errorf("%s usage hint %q, adapter says %q", MainCommand, c.UsageHint, UsageHint)
		}
	}
	if !slices.Contains(commands, MainCommand) {
		t.Errorf("manifest commands %v lack %s", commands, MainCommand)
	}
	for _, scope := range []string{"chat:write", "commands", "channels:history", "groups:history"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, scope) {
			t.Errorf("manifest bot scopes %v lack %s", m.OAuth.Scopes.Bot, scope)
		}
	}
	if m.Settings.SocketMode == nil {
		t.Error("manifest does not state socket_mode_enabled")
	}
}
