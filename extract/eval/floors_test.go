package eval

import (
	"strings"
	"testing"
)

func TestReadFloors(t *testing.T) {
	head := "# comment\nset\tattribution_f1\tnamed_precision\tpeople_f1\trole_acc\taffil_acc\n"
	tests := []struct {
		name, table, err string
	}{
		{"good", head + "a\t0.9\t0.97\t-\t-\t0.5\n", ""},
		{"no header", "# only\n", "no header"},
		{"bad header", "set\tf1\n", "header"},
		{"short row", head + "a\t0.9\n", "2 tab-separated fields"},
		{"duplicate", head + "a\t1\t1\t1\t1\t1\na\t1\t1\t1\t1\t1\n", "second row for a"},
		{"out of range", head + "a\t1.5\t1\t1\t1\t1\n", `"1.5" is not a figure`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fl, err := ReadFloors(strings.NewReader(tc.table), "floors.tsv")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			row := fl.Set["a"]
			if row["attribution_f1"] != 0.9 || row["affil_acc"] != 0.5 {
				t.Errorf("row %v", row)
			}
			if _, checked := row["people_f1"]; checked {
				t.Errorf(`"-" column read as checked: %v`, row)
			}
			if len(fl.Order) != 1 || fl.Order[0] != "a" {
				t.Errorf("order %v", fl.Order)
			}
		})
	}
}
