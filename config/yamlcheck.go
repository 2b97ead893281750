package config

import (
	"errors"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML decoder's own errors say "line 3: field intervall not found in
// type config.Source", one kind at a time. decodeChecked walks the document
// against the Config type first, so that every problem of the file comes
// back at once, each as a FieldError with its field path and line: unknown
// keys with the closest known one, values of the wrong type, and a value
// that YAML read as a comment (an unquoted "#room:server").

// decodeChecked decodes the YAML document root on top of cfg. It returns
// the file's problems as Errors; cfg holds everything that did decode.
func decodeChecked(root *yaml.Node, source []byte, cfg *Config) Errors {
	lines := strings.Split(string(source), "\n")
	c := &nodeChecker{lines: lines, paths: map[int]string{}}
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	c.check(doc, reflect.TypeOf(*cfg), "")
	err := root.Decode(cfg)
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te):
		for _, msg := range te.Errors {
			c.errs = append(c.errs, c.typeError(msg))
		}
	case err != nil:
		c.errs = append(c.errs, FieldError{Problem: err.Error()})
	}
	sort.SliceStable(c.errs, func(i, j int) bool { return c.errs[i].Line < c.errs[j].Line })
	return c.errs
}

type nodeChecker struct {
	lines []string
	paths map[int]string // line → field path of the value on it
	errs  Errors
}

func (c *nodeChecker) add(path string, line int, problem string) {
	c.errs = append(c.errs, FieldError{Path: path, Line: line, Problem: problem})
}

// check walks node as a value of type t at path.
func (c *nodeChecker) check(node *yaml.Node, t reflect.Type, path string) {
	if node == nil {
		return
	}
	if node.Kind == yaml.AliasNode {
		node = node.Alias
	}
	if _, ok := c.paths[node.Line]; !ok && path != "" {
		c.paths[node.Line] = path
	}
	switch {
	case t.Kind() == reflect.Struct && t != durationType:
		if node.Kind != yaml.MappingNode {
			if !isNull(node) {
				c.add(path, node.Line, "want a mapping of settings, not "+describe(node))
			}
			return
		}
		for i := 0; i+1 < len(node.Content); i += 2 {
			key, val := node.Content[i], node.Content[i+1]
			fpath := key.Value
			if path != "" {
				fpath = path + "." + key.Value
			}
			sf, ok := fieldByKey(t, key.Value)
			if !ok {
				problem := "unknown field"
				if s := closestKey(t, key.Value); s != "" {
					problem += "; did you mean " + s + "?"
				}
				c.add(fpath, key.Line, problem)
				continue
			}
			c.paths[key.Line] = fpath
			c.checkComment(val, key, fpath)
			c.check(val, sf.Type, fpath)
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		if node.Kind != yaml.SequenceNode {
			if !isNull(node) {
				c.add(path, node.Line, "want a list, not "+describe(node))
			}
			return
		}
		for j, item := range node.Content {
			c.check(item, t.Elem(), path+"["+strconv.Itoa(j)+"]")
		}
	case t.Kind() == reflect.Slice:
		for _, item := range node.Content {
			if _, ok := c.paths[item.Line]; !ok {
				c.paths[item.Line] = path
			}
		}
	}
}

// checkComment spots a value YAML took for a comment: "target: #room:server"
// is an empty target, since " #" starts a comment.
func (c *nodeChecker) checkComment(val, key *yaml.Node, path string) {
	if !isNull(val) || val.Line != key.Line || key.Line < 1 || key.Line > len(c.lines) {
		return
	}
	line := c.lines[key.Line-1]
	_, after, ok := strings.Cut(line[min(key.Column-1+len(key.Value), len(line)):], ":")
	if !ok {
		return
	}
	if rest := strings.TrimSpace(after); strings.HasPrefix(rest, "#") {
		c.add(path, key.Line, `is empty: "#" starts a YAML comment; quote the value ("`+strings.TrimSpace(rest)+`")`)
	}
}

var typeErrorLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// typeError locates a message of yaml.TypeError ("line 5: cannot unmarshal
// !!str `soon` into time.Duration") by field path.
func (c *nodeChecker) typeError(msg string) FieldError {
	m := typeErrorLine.FindStringSubmatch(msg)
	if m == nil {
		return FieldError{Problem: msg}
	}
	line, _ := strconv.Atoi(m[1])
	problem := m[2]
	if v, t, ok := strings.Cut(strings.TrimPrefix(problem, "cannot unmarshal "), " into "); ok {
		problem = "cannot read " + strings.TrimPrefix(strings.TrimPrefix(v, "!!str "), "!!") + " as " + friendlyType(t)
	}
	return FieldError{Path: c.paths[line], Line: line, Problem: problem}
}

func friendlyType(t string) string {
	switch t {
	case "time.Duration":
		return "a duration (90s, 15m, 6h)"
	case "int", "int64":
		return "a whole number"
	case "bool", "*bool":
		return "true or false"
	case "string":
		return "text"
	case "[]string":
		return "a list of words"
	}
	return t
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || (n.Value == "" && n.Style == 0))
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}

// fieldByKey finds the struct field a YAML key names.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if sf := t.Field(i); yamlName(sf) == key {
			return sf, true
		}
	}
	return reflect.StructField{}, false
}

// closestKey is the known key of t nearest to key by edit distance, when
// close enough to be the one meant (at most a third of its letters off).
func closestKey(t reflect.Type, key string) string {
	best, bestDist := "", 0
	for i := 0; i < t.NumField(); i++ {
		name := yamlName(t.Field(i))
		if name == "" {
			continue
		}
		d := editDistance(strings.ToLower(key), name)
		if best == "" || d < bestDist {
			best, bestDist = name, d
		}
	}
	if best == "" || bestDist > max(1, len(best)/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes (keys
// are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
