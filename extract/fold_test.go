package extract

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Çavuşoğlu", "cavusoglu"},
		{"Mevlüt", "mevlut"},
		{"AYRAULT", "ayrault"},
		{"Jean-Marc Ayrault", "jean-marc ayrault"},
		{"Russia’s", "russia's"},
		{"Łukasz Żółć", "lukasz zolc"},
		{"Cafe\u0301", "cafe"},
		{"bad\xffbyte", "bad\xffbyte"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
