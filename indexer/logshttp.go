package indexer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// HTTPLogs returns node with its eth_getLogs calls posted to the node's HTTP JSON-RPC endpoint
// rawURL by the indexer itself, and the answer decoded in one pass: envelope and logs together
// (decodeAnswer). Through go-ethereum's RPC client the answer is read four times before
// decodeLogs sees it (the client scans the envelope, copies the result out, and checks it
// again for json.RawMessage), and on the benchmark's 2-core machine that was a fifth of a
// backfill's CPU. Every other call goes to node. hc is the HTTP client (chain.HTTPClient).
// rawURL must be http or https: a WebSocket or IPC node keeps the RPC client's path.
func HTTPLogs(node Node, rawURL string, hc *http.Client) (Node, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("eth_getLogs over HTTP: %q is not an http(s) URL", rawURL)
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &httpLogsNode{Node: node, url: rawURL, hc: hc, maxBytes: maxAnswerBytes}, nil
}

// maxAnswerBytes caps one eth_getLogs answer read over HTTP. A larger one is refused with an
// error that asks for a smaller range (rangeError: "response size").
const maxAnswerBytes = 512 << 20

type httpLogsNode struct {
	Node // everything but FilterLogs
	url  string
	hc   *http.Client
	// maxBytes caps an answer (maxAnswerBytes; tests lower it).
	maxBytes int64
	bufs     sync.Pool // *bytes.Buffer: answers, read whole then decoded (logs copy what they keep)
}

func (n *httpLogsNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	arg, ok := rangeArg(q)
	if !ok {
		return FilterLogs(ctx, n.Node, q)
	}
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "eth_getLogs", "params": []any{arg}})
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs: encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := n.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs: %w", err)
	}
	defer resp.Body.Close()
	buf, _ := n.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= 64<<20 { // an exceptional answer's buffer is not kept
			buf.Reset()
			n.bufs.Put(buf)
		}
	}()
	buf.Reset()
	if resp.ContentLength > 0 && resp.ContentLength <= n.maxBytes {
		buf.Grow(int(resp.ContentLength))
	}
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, n.maxBytes+1)); err != nil {
		return nil, fmt.Errorf("eth_getLogs: read answer: %w", err)
	}
	if int64(buf.Len()) > n.maxBytes {
		return nil, fmt.Errorf("eth_getLogs: response size exceeds %d bytes", n.maxBytes)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b := buf.Bytes()
		if len(b) > 200 {
			b = b[:200]
		}
		return nil, fmt.Errorf("eth_getLogs: %s: %s", resp.Status, bytes.TrimSpace(b))
	}
	return decodeAnswer(buf.Bytes())
}

// rpcError is a JSON-RPC error answer; like go-ethereum's client it is an rpc.Error and an
// rpc.DataError, its text the node's message.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

func (e *rpcError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("json-rpc error %d", e.Code)
	}
	return e.Message
}
func (e *rpcError) ErrorCode() int { return e.Code }
func (e *rpcError) ErrorData() any { return e.Data }

// decodeAnswer decodes a JSON-RPC answer to eth_getLogs: its logs, or its error. The fast path
// reads the envelope geth and other nodes send ({"jsonrpc":"2.0","id":…,"result":[…]}) and the
// logs inside it in one pass; anything else goes to encoding/json, and the result to
// decodeLogs. FuzzDecodeAnswer holds the two paths to the same answers.
func decodeAnswer(b []byte) ([]types.Log, error) {
	if logs, ok := fastAnswer(b); ok {
		return logs, nil
	}
	return slowAnswer(b)
}

func slowAnswer(b []byte) ([]types.Log, error) {
	var msg struct {
		Version string          `json:"jsonrpc"`
		Result  json.RawMessage `json:"result"`
		Error   *rpcError       `json:"error"`
	}
	if err := json.Unmarshal(b, &msg); err != nil {
		return nil, fmt.Errorf("eth_getLogs: decode answer: %w", err)
	}
	switch {
	case msg.Error != nil:
		return nil, msg.Error
	case msg.Version != "2.0":
		return nil, errors.New("eth_getLogs: the answer is not JSON-RPC 2.0")
	case len(msg.Result) == 0 || string(msg.Result) == "null":
		return nil, errors.New("eth_getLogs: the answer has no result")
	}
	return decodeLogs(msg.Result)
}

// fastAnswer is decodeAnswer's fast path; ok is false whenever slowAnswer must decide.
func fastAnswer(b []byte) ([]types.Log, bool) {
	s := &logScanner{b: b}
	if s.expect('{') != nil {
		return nil, false
	}
	var (
		logs    []types.Log
		version bool
	)
	for {
		key, err := s.str()
		if err != nil || s.expect(':') != nil {
			return nil, false
		}
		switch string(key) {
		case "jsonrpc":
			v, err := s.str()
			if err != nil || string(v) != "2.0" || version {
				return nil, false
			}
			version = true
		case "id":
			if !s.digits() {
				return nil, false
			}
		case "result":
			if logs != nil {
				return nil, false
			}
			if logs, err = s.logs(); err != nil {
				return nil, false
			}
		default: // "error", or anything unusual
			return nil, false
		}
		switch s.peek() {
		case ',':
			s.i++
			continue
		case '}':
			s.i++
		default:
			return nil, false
		}
		break
	}
	s.ws()
	if s.i != len(s.b) || !version || logs == nil {
		return nil, false
	}
	return logs, true
}

// digits reads a JSON number made only of decimal digits, without a leading zero unless it is 0.
func (s *logScanner) digits() bool {
	s.ws()
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	n := s.i - start
	return n > 0 && (n == 1 || s.b[start] != '0')
}
