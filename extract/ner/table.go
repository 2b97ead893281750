package ner

// table is an open-addressing hash table from feature hashes to their
// weights, stored in the slot so that a look-up touches one cache line or
// two. Feature hashes are already well mixed, so their low bits index it
// directly; key 0 marks an empty slot (a feature that hashes to 0 is
// dropped).
type table struct {
	slots []slot
	mask  uint64
	n     int // features stored
}

// slot holds a feature's weights in quantisation steps (Model.step).
type slot struct {
	key uint64
	w   [numLabels]int16
}

// newTable returns an empty table for n features.
func newTable(n int) table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return table{slots: make([]slot, size), mask: uint64(size - 1)}
}

// set stores the weights of feature f, which must not be stored yet.
func (t *table) set(f uint64, w []int16) {
	if f == 0 {
		return
	}
	i := f & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i].key = f
	copy(t.slots[i].w[:], w)
	t.n++
}

// get returns the weights of feature f, or nil.
func (t *table) get(f uint64) *[numLabels]int16 {
	if len(t.slots) == 0 {
		return nil
	}
	for i := f & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case f:
			return &s.w
		case 0:
			return nil
		}
	}
}
