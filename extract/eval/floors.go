package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// FloorColumns are the figures a quality floor can hold, in the order of a
// floors table's columns.
var FloorColumns = []string{"attribution_f1", "named_precision", "people_f1", "role_acc", "affil_acc"}

// Floors is a table of quality floors: for each set name, the least value of
// each checked figure ("-" columns are left out), and the sets in the
// table's order.
type Floors struct {
	Set   map[string]map[string]float64
	Order []string
}

// ReadFloors reads a floors table (extract/testdata/eval/floors.tsv):
// '#' comments, a header "set" followed by FloorColumns, then one
// tab-separated row per set with a figure between 0 and 1 or "-" per
// column. name is used in errors.
func ReadFloors(r io.Reader, name string) (Floors, error) {
	fl := Floors{Set: map[string]map[string]float64{}}
	header := false
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		where := fmt.Sprintf("%s:%d", name, n)
		if !header {
			if want := append([]string{"set"}, FloorColumns...); !slices.Equal(fields, want) {
				return Floors{}, fmt.Errorf("%s: header %q, want %q", where, fields, want)
			}
			header = true
			continue
		}
		if len(fields) != 1+len(FloorColumns) {
			return Floors{}, fmt.Errorf("%s: %d tab-separated fields, want %d", where, len(fields), 1+len(FloorColumns))
		}
		set := fields[0]
		if _, dup := fl.Set[set]; dup {
			return Floors{}, fmt.Errorf("%s: second row for %s", where, set)
		}
		row := map[string]float64{}
		for i, col := range FloorColumns {
			v := fields[1+i]
			if v == "-" {
				continue
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || x < 0 || x > 1 {
				return Floors{}, fmt.Errorf("%s: %s %q is not a figure between 0 and 1 or -", where, col, v)
			}
			row[col] = x
		}
		fl.Set[set] = row
		fl.Order = append(fl.Order, set)
	}
	if err := sc.Err(); err != nil {
		return Floors{}, err
	}
	if !header {
		return Floors{}, fmt.Errorf("%s: no header", name)
	}
	return fl, nil
}
