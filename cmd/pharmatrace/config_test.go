package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/indexer"
)

func TestSettingsPrecedence(t *testing.T) {
	var (
		fileReg  = common.HexToAddress("0x1000000000000000000000000000000000000001")
		fileLed  = common.HexToAddress("0x1000000000000000000000000000000000000002")
		otherReg = common.HexToAddress("0x2000000000000000000000000000000000000001")
		otherLed = common.HexToAddress("0x2000000000000000000000000000000000000002")
		envReg   = common.HexToAddress("0x3000000000000000000000000000000000000001")
		flagReg  = common.HexToAddress("0x4000000000000000000000000000000000000001")
	)
	// The working directory of every case holds data/contracts.json (the default contracts
	// file) when defaultFile is set, and always other.json.
	for _, tc := range []struct {
		name        string
		defaultFile bool
		args        []string
		env         map[string]string
		want        settings
		wantErr     string // substring; "" for no error
	}{
		{
			name: "defaults, no contracts file",
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB},
		},
		{
			name:        "default contracts file when it exists",
			defaultFile: true,
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, ContractsFile: defaultContractsFile, ChainID: 1337,
				Addresses: chain.Addresses{Registry: fileReg, Ledger: fileLed}, DeployBlock: 7},
		},
		{
			name: "environment over defaults",
			env: map[string]string{"PHARMATRACE_RPC": "ws://node:8546", "PHARMATRACE_DB": "postgres://u@db/x",
				"PHARMATRACE_LOG_LEVEL": "debug"},
			want: settings{Data: defaultData, RPC: "ws://node:8546", DB: "postgres://u@db/x", LogLevel: slog.LevelDebug},
		},
		{
			name: "flags over environment",
			args: []string{"--rpc", "https://rpc.example", "--db", "/tmp/m.db", "--log-level", "warn"},
			env: map[string]string{"PHARMATRACE_RPC": "ws://node:8546", "PHARMATRACE_DB": "postgres://u@db/x",
				"PHARMATRACE_LOG_LEVEL": "debug"},
			want: settings{Data: defaultData, RPC: "https://rpc.example", DB: "/tmp/m.db", LogLevel: slog.LevelWarn},
		},
		{
			name: "empty environment variable is unset",
			env:  map[string]string{"PHARMATRACE_RPC": ""},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB},
		},
		{
			name:        "contracts file from the environment over the default one",
			defaultFile: true,
			env:         map[string]string{"PHARMATRACE_CONFIG": "other.json"},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, ContractsFile: "other.json", ChainID: 99,
				Addresses: chain.Addresses{Registry: otherReg, Ledger: otherLed}, DeployBlock: 42},
		},
		{
			name:        "--config over the environment",
			defaultFile: true,
			args:        []string{"--config", defaultContractsFile},
			env:         map[string]string{"PHARMATRACE_CONFIG": "other.json"},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, ContractsFile: defaultContractsFile, ChainID: 1337,
				Addresses: chain.Addresses{Registry: fileReg, Ledger: fileLed}, DeployBlock: 7},
		},
		{
			name:        "--config '' reads no contracts file",
			defaultFile: true,
			args:        []string{"--config", ""},
			want:        settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB},
		},
		{
			name:        "PHARMATRACE_REGISTRY over the contracts file",
			defaultFile: true,
			env:         map[string]string{"PHARMATRACE_REGISTRY": envReg.Hex()},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, ContractsFile: defaultContractsFile, ChainID: 1337,
				Addresses: chain.Addresses{Registry: envReg, Ledger: fileLed}, DeployBlock: 7},
		},
		{
			name:        "--registry over PHARMATRACE_REGISTRY and the file, --ledger over the file",
			defaultFile: true,
			args:        []string{"--registry", strings.ToLower(flagReg.Hex()), "--ledger", otherLed.Hex()},
			env:         map[string]string{"PHARMATRACE_REGISTRY": envReg.Hex()},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, ContractsFile: defaultContractsFile, ChainID: 1337,
				Addresses: chain.Addresses{Registry: flagReg, Ledger: otherLed}, DeployBlock: 7},
		},
		{
			name: "addresses without any file",
			args: []string{"--registry", flagReg.Hex(), "--ledger", otherLed.Hex()},
			want: settings{Data: defaultData, RPC: defaultRPC, DB: defaultDB, Addresses: chain.Addresses{Registry: flagReg, Ledger: otherLed}},
		},
		{name: "missing --config file", args: []string{"--config", "nope.json"}, wantErr: "nope.json"},
		{name: "missing PHARMATRACE_CONFIG file", env: map[string]string{"PHARMATRACE_CONFIG": "nope.json"}, wantErr: "nope.json"},
		{name: "malformed contracts file", args: []string{"--config", "bad.json"}, wantErr: "bad.json"},
		{name: "rpc without a scheme", args: []string{"--rpc", "127.0.0.1:8545"}, wantErr: "--rpc"},
		{name: "rpc with another scheme", env: map[string]string{"PHARMATRACE_RPC": "ftp://x"}, wantErr: "scheme"},
		{name: "bad registry address", args: []string{"--registry", "0x12"}, wantErr: "--registry"},
		{name: "zero ledger address", env: map[string]string{"PHARMATRACE_LEDGER": common.Address{}.Hex()}, wantErr: "--ledger"},
		{name: "bad log level", env: map[string]string{"PHARMATRACE_LOG_LEVEL": "loud"}, wantErr: "--log-level"},
		{name: "empty db", args: []string{"--db", ""}, wantErr: "--db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if tc.defaultFile {
				if err := writeContractsFile(defaultContractsFile, contractsFile{ChainID: 1337,
					Addresses: chain.Addresses{Registry: fileReg, Ledger: fileLed}, DeployBlock: 7}); err != nil {
					t.Fatal(err)
				}
			}
			if err := writeContractsFile("other.json", contractsFile{ChainID: 99,
				Addresses: chain.Addresses{Registry: otherReg, Ledger: otherLed}, DeployBlock: 42}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile("bad.json", []byte(`{"registry": "0xnothex"}`), 0o644); err != nil {
				t.Fatal(err)
			}
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			cf := addCommonFlags(fs, true)
			getenv := func(k string) string { return tc.env[k] }
			err := parseFlags(fs, tc.args, getenv)
			var got settings
			if err == nil {
				got, err = cf.resolve(fs)
			}
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != tc.want {
				t.Errorf("settings =\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}

func TestApplyEnv(t *testing.T) {
	for _, tc := range []struct {
		name       string
		args       []string
		env        map[string]string
		wantWindow uint64
		wantOnce   bool
		wantErr    string
	}{
		{name: "default", wantWindow: 256},
		{name: "env", env: map[string]string{"PHARMATRACE_WINDOW": "64", "PHARMATRACE_ONCE": "1"}, wantWindow: 64, wantOnce: true},
		{name: "flag wins", args: []string{"--window", "32", "--once=false"},
			env: map[string]string{"PHARMATRACE_WINDOW": "64", "PHARMATRACE_ONCE": "true"}, wantWindow: 32},
		{name: "flag wins even when it equals the default", args: []string{"--window", "256"},
			env: map[string]string{"PHARMATRACE_WINDOW": "64"}, wantWindow: 256},
		{name: "bad env value names the variable", env: map[string]string{"PHARMATRACE_WINDOW": "many"}, wantErr: "PHARMATRACE_WINDOW"},
		{name: "a bad env value is ignored when the flag is given", args: []string{"--window", "8"},
			env: map[string]string{"PHARMATRACE_WINDOW": "many"}, wantWindow: 8},
		{name: "positional argument", args: []string{"extra"}, wantErr: `unexpected argument "extra"`},
		{name: "unnamed variable is not read", env: map[string]string{"PHARMATRACE_QUIET": "1"}, wantWindow: 256},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			window := fs.Uint64("window", 256, "blocks kept (env PHARMATRACE_WINDOW)")
			once := fs.Bool("once", false, "exit when caught up (env PHARMATRACE_ONCE)")
			fs.Bool("quiet", false, "no env var here")
			err := parseFlags(fs, tc.args, func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if *window != tc.wantWindow || *once != tc.wantOnce {
				t.Errorf("window, once = %d, %v; want %d, %v", *window, *once, tc.wantWindow, tc.wantOnce)
			}
		})
	}
}

// TestCommandsWithoutChain runs index and audit up to where they would need a node.
func TestCommandsWithoutChain(t *testing.T) {
	for _, k := range []string{"PHARMATRACE_RPC", "PHARMATRACE_DB", "PHARMATRACE_CONFIG", "PHARMATRACE_REGISTRY", "PHARMATRACE_LEDGER"} {
		t.Setenv(k, "")
	}
	t.Chdir(t.TempDir())
	reg, led := "0x1000000000000000000000000000000000000001", "0x1000000000000000000000000000000000000002"
	for _, tc := range []struct {
		name       string
		args       []string
		wantStatus int
		wantErr    string
	}{
		{"index without addresses", []string{"index"}, 2, "pharmatrace deploy"},
		{"audit without addresses", []string{"audit"}, 2, "--registry and --ledger"},
		{"index with both confirmations and finalized", []string{"index", "--registry", reg, "--ledger", led, "--finalized", "--confirmations", "3"}, 2, "exclude each other"},
		{"index with a bad flag", []string{"index", "--window", "x"}, 2, "invalid value"},
		{"index with the node down", []string{"index", "--registry", reg, "--ledger", led, "--rpc", "http://127.0.0.1:1"}, 1, "does not answer"},
		{"audit with the node down", []string{"audit", "--registry", reg, "--ledger", led, "--rpc", "http://127.0.0.1:1"}, 2, "does not answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(context.Background(), tc.args, &out, &errOut)
			if status != tc.wantStatus {
				t.Errorf("status = %d, want %d (stderr %q)", status, tc.wantStatus, errOut.String())
			}
			if !strings.Contains(errOut.String(), tc.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tc.wantErr)
			}
		})
	}
}

// TestHelp checks that --help exits 0 and names the environment variable of every flag.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"index", "audit"} {
		t.Run(cmd, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if status := run(context.Background(), []string{cmd, "--help"}, &out, &errOut); status != 0 {
				t.Fatalf("status = %d, want 0", status)
			}
			help := errOut.String()
			if !strings.Contains(help, "Usage: pharmatrace "+cmd) {
				t.Errorf("help does not start with the usage line:\n%s", help)
			}
			flags := 0
			for _, line := range strings.Split(help, "\n") {
				if strings.HasPrefix(line, "  -") {
					flags++
				}
			}
			if envs := strings.Count(help, "(env PHARMATRACE_"); flags == 0 || envs != flags {
				t.Errorf("%d flags, %d environment variables named, want one each:\n%s", flags, envs, help)
			}
		})
	}
}

func TestContractsFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "contracts.json")
	want := contractsFile{ChainID: 1337, Addresses: chain.Addresses{
		Registry: common.HexToAddress("0x1000000000000000000000000000000000000001"),
		Ledger:   common.HexToAddress("0x1000000000000000000000000000000000000002"),
	}, DeployBlock: 12}
	if err := writeContractsFile(path, want); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"chainId": 1337`, `"registry": "0x1000000000000000000000000000000000000001"`, `"deployBlock": 12`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("file lacks %s:\n%s", key, b)
		}
	}
	got, err := readContractsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("read back %+v, want %+v", got, want)
	}
}

func TestProgress(t *testing.T) {
	var out, logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	p := newProgress(&out, log, 101, 100)
	now := p.start
	p.now = func() time.Time { return now }
	at := func(d time.Duration, r indexer.Progress) {
		now = p.start.Add(d)
		p.report(r)
	}
	// First Sync: a backfill from block 101 to 10 100, 1 000 blocks per second.
	at(500*time.Millisecond, indexer.Progress{Cursor: 600, Target: 10_100, Events: 2_000, Elapsed: 500 * time.Millisecond})
	at(2*time.Second, indexer.Progress{Cursor: 2_100, Target: 10_100, Events: 8_000, Elapsed: 2 * time.Second})
	at(3*time.Second, indexer.Progress{Cursor: 3_100, Target: 10_100, Events: 12_000, Elapsed: 3 * time.Second})
	at(4*time.Second, indexer.Progress{Cursor: 4_100, Target: 10_100, Events: 16_000, Elapsed: 4 * time.Second})
	at(10*time.Second, indexer.Progress{Cursor: 10_100, Target: 10_100, Events: 40_000, Elapsed: 10 * time.Second})
	// Run's next Sync: counts restart, the totals go on.
	at(12*time.Second, indexer.Progress{Cursor: 10_101, Target: 10_101, Events: 3, Elapsed: 10 * time.Millisecond})

	want := "backfill: block 2100 of 10100: 2000 blocks done, 8000 to go, 8000 events (4000/s), ETA 8s\n" +
		"backfill: block 4100 of 10100: 4000 blocks done, 6000 to go, 16000 events (4000/s), ETA 6s\n"
	if got := out.String(); got != want {
		t.Errorf("progress lines:\n%s\nwant\n%s", got, want)
	}
	if n := strings.Count(logs.String(), "caught up"); n != 1 {
		t.Errorf("%d \"caught up\" lines, want 1:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), "block=10100 events=40000") {
		t.Errorf("caught-up line lacks the block and event count:\n%s", logs.String())
	}
	if got := p.events(indexer.Progress{Cursor: 10_102, Target: 10_102, Events: 5, Elapsed: 20 * time.Millisecond}); got != 40_005 {
		t.Errorf("events across Sync calls = %d, want 40005", got)
	}
}
