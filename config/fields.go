package config

import (
	"reflect"
	"strconv"
	"strings"
)

// field is one leaf setting of a Config reached by walkFields.
type field struct {
	Path   string // "channels[1].schedule", as used in validation errors
	Env    string // "ATTACHE_CHANNELS_1_SCHEDULE"
	Secret string // the `secret` tag: "", "true" or "dsn"
	Value  reflect.Value
}

// walkFields calls fn for every leaf field of the struct v points into, in
// declaration order, descending into nested structs and into each existing
// element of slices of structs. Environment overrides and redaction both use
// it so that neither needs a hand-written list of fields.
func walkFields(v reflect.Value, path, env string, fn func(field) error) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name := yamlName(sf)
		if name == "" {
			continue
		}
		fpath := name
		if path != "" {
			fpath = path + "." + name
		}
		fenv := env + "_" + strings.ToUpper(name)
		fv := v.Field(i)
		switch {
		case fv.Kind() == reflect.Struct && fv.Type() != durationType:
			if err := walkFields(fv, fpath, fenv, fn); err != nil {
				return err
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct:
			for j := 0; j < fv.Len(); j++ {
				idx := strconv.Itoa(j)
				if err := walkFields(fv.Index(j), fpath+"["+idx+"]", fenv+"_"+idx, fn); err != nil {
					return err
				}
			}
		default:
			if err := fn(field{Path: fpath, Env: fenv, Secret: sf.Tag.Get("secret"), Value: fv}); err != nil {
				return err
			}
		}
	}
	return nil
}

// yamlName is the YAML key of a struct field, "" when it has none.
func yamlName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if name == "-" || !sf.IsExported() {
		return ""
	}
	return name
}
