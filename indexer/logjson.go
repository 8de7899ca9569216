package indexer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// rpcNode is a node reached through go-ethereum's RPC client (ethclient.Client, the simulated
// backend's client): its eth_getLogs answers can be read raw and decoded by decodeLogs.
type rpcNode interface {
	Client() *rpc.Client
}

var _ rpcNode = (*ethclient.Client)(nil) // what cmd dials takes the fast path

// FilterLogs is node.FilterLogs(ctx, q), the call the indexer makes for every block range.
// Where node is reached through go-ethereum's RPC client (an *ethclient.Client) the answer is
// read raw and decoded by decodeLogs: a backfill spends more CPU decoding logs than on anything
// but SQLite, and encoding/json with go-ethereum's field types took 29–42 µs a log on the
// 2-core machine this was measured on, decodeLogs about 5 µs. A wrapper of a Node (one that
// times calls, say) calls it on the node it wraps to keep that path.
func FilterLogs(ctx context.Context, node Node, q ethereum.FilterQuery) ([]types.Log, error) {
	rn, ok := node.(rpcNode)
	arg, isRange := rangeArg(q)
	if !ok || !isRange || rn.Client() == nil {
		return node.FilterLogs(ctx, q)
	}
	var raw json.RawMessage
	if err := rn.Client().CallContext(ctx, &raw, "eth_getLogs", arg); err != nil {
		return nil, err
	}
	return decodeLogs(raw)
}

// rangeArg is eth_getLogs' parameter for a block-range query; false for any other (by block
// hash, or with an open end), which the node's own FilterLogs serves.
func rangeArg(q ethereum.FilterQuery) (map[string]any, bool) {
	if q.BlockHash != nil || q.FromBlock == nil || q.ToBlock == nil {
		return nil, false
	}
	arg := map[string]any{
		"fromBlock": hexutil.EncodeBig(q.FromBlock),
		"toBlock":   hexutil.EncodeBig(q.ToBlock),
	}
	if len(q.Addresses) > 0 {
		arg["address"] = q.Addresses
	}
	if q.Topics != nil {
		arg["topics"] = q.Topics
	}
	return arg, true
}

// decodeLogs decodes an eth_getLogs result: what json.Unmarshal into []types.Log returns, the
// same logs or an error. The fast path reads the shape every node sends (an array of objects
// with go-ethereum's field names, hex strings without escapes); anything else, including every
// malformed answer, goes to json.Unmarshal, which then gives its own result and error. A fuzz
// test holds the two to the same answers.
func decodeLogs(raw []byte) ([]types.Log, error) {
	if logs, ok := fastLogs(raw); ok {
		return logs, nil
	}
	var logs []types.Log
	if err := json.Unmarshal(raw, &logs); err != nil {
		return nil, fmt.Errorf("decode eth_getLogs answer: %w", err)
	}
	return logs, nil
}

// logScanner reads JSON from b at i; any surprise ends the fast path (ok false).
type logScanner struct {
	b []byte
	i int
}

var errSlow = errors.New("not the fast path's shape")

func (s *logScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (s *logScanner) peek() byte {
	s.ws()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

func (s *logScanner) expect(c byte) error {
	if s.peek() != c {
		return errSlow
	}
	s.i++
	return nil
}

// str reads a string without escapes and returns its bytes (a slice of b).
func (s *logScanner) str() ([]byte, error) {
	if err := s.expect('"'); err != nil {
		return nil, err
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return s.b[start : s.i-1], nil
		case c == '\\' || c < 0x20 || c >= 0x80:
			return nil, errSlow
		}
		s.i++
	}
	return nil, errSlow
}

// hexBytes decodes a 0x-prefixed hex string of even length, as hexutil.Bytes does.
func hexBytes(v []byte) ([]byte, error) {
	if len(v) < 2 || len(v)%2 != 0 {
		return nil, errSlow
	}
	out := make([]byte, (len(v)-2)/2)
	return out, decodeHex(out, v)
}

// decodeHex decodes 0x-prefixed hex v into dst, which is exactly its size.
func decodeHex(dst, v []byte) error {
	if len(v) != 2+2*len(dst) || v[0] != '0' || (v[1] != 'x' && v[1] != 'X') {
		return errSlow
	}
	v = v[2:]
	for i := range dst {
		hi, lo := hexVal[v[2*i]], hexVal[v[2*i+1]]
		if hi|lo == 0xff {
			return errSlow
		}
		dst[i] = hi<<4 | lo
	}
	return nil
}

// hexVal is each byte's value as a hex digit, or 0xff.
var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c], t[c-'a'+'A'] = byte(c-'a'+10), byte(c-'a'+10)
	}
	return t
}()

// fixedHex decodes exactly len(dst) bytes of 0x-hex into dst (common.Hash, common.Address).
func (s *logScanner) fixedHex(dst []byte) error {
	v, err := s.str()
	if err != nil {
		return err
	}
	return decodeHex(dst, v)
}

// quantity decodes a hex quantity as hexutil.Uint64 does: 0x, no leading zero, at most 64 bits.
func (s *logScanner) quantity() (uint64, error) {
	v, err := s.str()
	if err != nil || len(v) < 3 || len(v) > 18 || v[0] != '0' || (v[1] != 'x' && v[1] != 'X') || (v[2] == '0' && len(v) > 3) {
		return 0, errSlow
	}
	var n uint64
	for _, c := range v[2:] {
		d := hexVal[c]
		if d == 0xff {
			return 0, errSlow
		}
		n = n<<4 | uint64(d)
	}
	return n, nil
}

// fastLogs decodes raw on the fast path; ok is false whenever json.Unmarshal must decide.
func fastLogs(raw []byte) ([]types.Log, bool) {
	s := &logScanner{b: raw}
	logs, err := s.logs()
	s.ws()
	if err != nil || s.i != len(s.b) {
		return nil, false
	}
	return logs, true
}

// logs reads an array of logs.
func (s *logScanner) logs() ([]types.Log, error) {
	logs := []types.Log{}
	err := s.list(func() error {
		var l types.Log
		if err := s.log(&l); err != nil {
			return err
		}
		logs = append(logs, l)
		return nil
	})
	return logs, err
}

// list reads a JSON array, calling elem to read each element.
func (s *logScanner) list(elem func() error) error {
	if err := s.expect('['); err != nil {
		return err
	}
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return errSlow
		}
	}
}

// Which of a log's required fields an object had.
const (
	hasAddress = 1 << iota
	hasTopics
	hasData
	hasTxHash
	hasAll = hasAddress | hasTopics | hasData | hasTxHash
)

// logFields are the keys of a log object; a key that matches one only without regard to case
// is left to json.Unmarshal, which would take it.
var logFields = []string{"address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex", "blockHash", "blockTimestamp", "logIndex", "removed"}

func (s *logScanner) log(l *types.Log) error {
	if err := s.expect('{'); err != nil {
		return err
	}
	seen := 0
	if s.peek() == '}' {
		return errSlow // required fields missing: json.Unmarshal's error
	}
	for {
		key, err := s.str()
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		switch string(key) {
		case "address":
			err = s.fixedHex(l.Address[:])
			seen |= hasAddress
		case "topics":
			l.Topics, err = s.topics()
			seen |= hasTopics
		case "data":
			var v []byte
			if v, err = s.str(); err == nil {
				l.Data, err = hexBytes(v)
			}
			seen |= hasData
		case "blockNumber":
			l.BlockNumber, err = s.quantity()
		case "transactionHash":
			err = s.fixedHex(l.TxHash[:])
			seen |= hasTxHash
		case "transactionIndex":
			var n uint64
			n, err = s.quantity()
			l.TxIndex = uint(n)
		case "blockHash":
			err = s.fixedHex(l.BlockHash[:])
		case "blockTimestamp":
			l.BlockTimestamp, err = s.quantity()
		case "logIndex":
			var n uint64
			n, err = s.quantity()
			l.Index = uint(n)
		case "removed":
			l.Removed, err = s.boolean()
		default:
			for _, f := range logFields {
				if strings.EqualFold(f, string(key)) {
					return errSlow
				}
			}
			err = errSlow // another field: rare enough to leave to json.Unmarshal
		}
		if err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			if seen != hasAll {
				return errSlow
			}
			return nil
		default:
			return errSlow
		}
	}
}

func (s *logScanner) topics() ([]common.Hash, error) {
	ts := make([]common.Hash, 0, 4) // an event has at most four
	err := s.list(func() error {
		var h common.Hash
		if err := s.fixedHex(h[:]); err != nil {
			return err
		}
		ts = append(ts, h)
		return nil
	})
	return ts, err
}

func (s *logScanner) boolean() (bool, error) {
	s.ws()
	switch rest := s.b[s.i:]; {
	case bytes.HasPrefix(rest, []byte("true")):
		s.i += 4
		return true, nil
	case bytes.HasPrefix(rest, []byte("false")):
		s.i += 5
		return false, nil
	}
	return false, errSlow
}
