package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed binary:
//
//	magic "ner1"
//	uvarint number of labels, then each label's name (uvarint length, bytes)
//	float32 temperature, float32 quantisation step (little-endian bits)
//	start weights, then the transition matrix row by row (zig-zag varints, in steps)
//	uvarint number of features, then for each feature in increasing hash order:
//	  uvarint difference from the previous hash, one byte with a bit set for
//	  each label whose weight is not zero, and those weights (zig-zag varints, in steps)
//	uvarint number of vocabulary words, then for each in increasing hash order:
//	  uvarint difference from the previous hash, one byte: its casing class
const magic = "ner2"

// Marshal writes the model in its file format.
func (m *Model) Marshal() ([]byte, error) {
	step := m.step
	q := func(v float32) int64 { return int64(math.Round(float64(v / step))) }

	var raw bytes.Buffer
	raw.WriteString(magic)
	putU := func(x uint64) { raw.Write(binary.AppendUvarint(nil, x)) }
	putI := func(x int64) { raw.Write(binary.AppendVarint(nil, x)) }
	putF := func(f float32) { raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(f))) }
	putU(uint64(numLabels))
	for l := O; l < numLabels; l++ {
		s := l.String()
		putU(uint64(len(s)))
		raw.WriteString(s)
	}
	putF(m.temp)
	putF(step)
	for c := range numLabels {
		putI(q(m.start[c]))
	}
	for p := range numLabels {
		for c := range numLabels {
			putI(q(m.trans[p][c]))
		}
	}
	keys := make([]uint64, 0, m.tab.n)
	for i := range m.tab.slots {
		s := &m.tab.slots[i]
		if s.key != 0 && slices.ContainsFunc(s.w[:], func(v int16) bool { return v != 0 }) {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	putU(uint64(len(keys)))
	prev := uint64(0)
	for _, f := range keys {
		putU(f - prev)
		prev = f
		row := m.tab.get(f)
		mask := byte(0)
		for l, v := range row {
			if v != 0 {
				mask |= 1 << l
			}
		}
		raw.WriteByte(mask)
		for _, v := range row {
			if v != 0 {
				putI(int64(v))
			}
		}
	}
	words := make([]uint64, 0, len(m.vocab))
	for h := range m.vocab {
		words = append(words, h)
	}
	slices.Sort(words)
	putU(uint64(len(words)))
	prev = 0
	for _, h := range words {
		putU(h - prev)
		prev = h
		raw.WriteByte(m.vocab[h])
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Load parses a model file written by Marshal.
func Load(b []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errFormat
	}
	r := &reader{b: raw[len(magic):]}
	if n := r.uvarint(); n != uint64(numLabels) {
		return nil, fmt.Errorf("ner: model has %d labels, want %d", n, numLabels)
	}
	for l := O; l < numLabels; l++ {
		n := r.uvarint()
		if s := string(r.bytes(int(n))); r.err == nil && s != l.String() {
			return nil, fmt.Errorf("ner: label %d is %q, want %q", l, s, l.String())
		}
	}
	m := &Model{}
	m.temp = r.float32()
	step := r.float32()
	m.step = step
	for c := range numLabels {
		m.start[c] = float32(r.varint()) * step
	}
	for p := range numLabels {
		for c := range numLabels {
			m.trans[p][c] = float32(r.varint()) * step
		}
	}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		return nil, errFormat
	}
	m.tab = newTable(int(n))
	f := uint64(0)
	var row [numLabels]int16
	for range int(n) {
		f += r.uvarint()
		mask := r.byte()
		for l := range NumLabels {
			row[l] = 0
			if mask&(1<<l) != 0 {
				v := r.varint()
				if v < math.MinInt16 || v > math.MaxInt16 {
					return nil, errFormat
				}
				row[l] = int16(v)
			}
		}
		if r.err != nil {
			break
		}
		m.tab.set(f, row[:])
	}
	nv := r.uvarint()
	if r.err != nil || nv > uint64(len(r.b)) {
		return nil, errFormat
	}
	m.vocab = make(map[uint64]uint8, nv)
	f = 0
	for range int(nv) {
		f += r.uvarint()
		m.vocab[f] = r.byte()
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("ner: %d trailing bytes", len(r.b))
	}
	m.prepare()
	return m, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("ner: truncated model file")
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *reader) varint() int64 {
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *reader) bytes(n int) []byte {
	if n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) byte() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (r *reader) float32() float32 {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}
