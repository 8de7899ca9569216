package chain

import (
	"context"
	"net"
	"net/http"
	"net/url"

	"github.com/ethereum/go-ethereum/rpc"
)

// DialRPC connects to a node's JSON-RPC endpoint (http(s)://, ws(s)://, or an IPC path). A
// node on loopback HTTP is asked for uncompressed answers: geth gzips every answer, which on
// loopback is CPU on both sides for nothing, and a backfill's eth_getLogs answers are most of
// its bytes.
func DialRPC(ctx context.Context, rawURL string) (*rpc.Client, error) {
	var opts []rpc.ClientOption
	if Loopback(rawURL) {
		opts = append(opts, rpc.WithHTTPClient(HTTPClient(rawURL)))
	}
	return rpc.DialOptions(ctx, rawURL, opts...)
}

// HTTPClient is the HTTP client for a node's http(s) JSON-RPC URL: one that asks a loopback node
// for uncompressed answers (see DialRPC), the default client otherwise.
func HTTPClient(rawURL string) *http.Client {
	if !Loopback(rawURL) {
		return http.DefaultClient
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableCompression = true
	return &http.Client{Transport: t}
}

// Loopback reports whether rawURL is an http(s) URL on this machine's loopback.
func Loopback(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return u.Hostname() == "localhost" || (ip != nil && ip.IsLoopback())
}
