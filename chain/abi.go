package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
)

// ContractABIs parses the Registry's and the BatchLedger's ABIs, for code that decodes their
// logs or errors without the typed bindings (the indexer, revert decoding, tests).
func ContractABIs() (registryABI, ledgerABI *abi.ABI, err error) {
	if registryABI, err = registry.RegistryMetaData.ParseABI(); err != nil {
		return nil, nil, fmt.Errorf("parse registry ABI: %w", err)
	}
	if ledgerABI, err = ledger.BatchLedgerMetaData.ParseABI(); err != nil {
		return nil, nil, fmt.Errorf("parse ledger ABI: %w", err)
	}
	return registryABI, ledgerABI, nil
}
