package chain

import (
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/params"
)

// OsakaConfig is go-ethereum's dev chain configuration pinned to the Osaka fork: every fork up to
// and including Osaka active from genesis, every later one (BPO forks, Amsterdam, Bogota, UBT)
// switched off. The dev presets turn on experimental forks whose gas rules make storage several
// times dearer than on mainnet; pinning to a released fork keeps gas figures meaningful.
func OsakaConfig(chainID *big.Int) *params.ChainConfig {
	cfg := *params.AllDevChainProtocolChanges
	cfg.ChainID = new(big.Int).Set(chainID)
	cfg.BPO1Time, cfg.BPO2Time, cfg.BPO3Time, cfg.BPO4Time, cfg.BPO5Time = nil, nil, nil, nil, nil
	cfg.AmsterdamTime, cfg.BogotaTime, cfg.UBTTime = nil, nil, nil
	blobs := *cfg.BlobScheduleConfig
	blobs.BPO1, blobs.BPO2, blobs.BPO3, blobs.BPO4, blobs.BPO5 = nil, nil, nil, nil, nil
	cfg.BlobScheduleConfig = &blobs
	return &cfg
}

// ActiveForks names the post-merge forks active at a block time, oldest first, for reports.
func ActiveForks(cfg *params.ChainConfig, number *big.Int, time uint64) string {
	r := cfg.Rules(number, true, time)
	var on []string
	for _, f := range []struct {
		name string
		on   bool
	}{
		{"Shanghai", r.IsShanghai}, {"Cancun", r.IsCancun}, {"Prague", r.IsPrague},
		{"Osaka", r.IsOsaka}, {"Amsterdam", r.IsAmsterdam}, {"Bogota", r.IsBogota}, {"UBT", r.IsUBT},
	} {
		if f.on {
			on = append(on, f.name)
		}
	}
	return strings.Join(on, ", ")
}
