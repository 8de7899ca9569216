// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package ledger

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// BatchLedgerBatch is an auto generated low-level Go binding around an user-defined struct.
type BatchLedgerBatch struct {
	Manufacturer common.Address
	ExpiryDay    *big.Int
	Quantity     uint32
	Published    uint32
	Recalled     bool
	PacksRoot    [32]byte
}

// BatchLedgerDecommission is an auto generated low-level Go binding around an user-defined struct.
type BatchLedgerDecommission struct {
	Actor     common.Address
	Timestamp *big.Int
	Reason    uint8
}

// BatchLedgerShipment is an auto generated low-level Go binding around an user-defined struct.
type BatchLedgerShipment struct {
	From     common.Address
	Quantity uint32
	Status   uint8
	To       common.Address
	BatchId  [32]byte
}

// BatchLedgerMetaData contains all meta data concerning the BatchLedger contract.
var BatchLedgerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"registry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"actor\",\"type\":\"address\"},{\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"AlreadyDecommissioned\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"AlreadyRecalled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"BatchExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"expiryDay\",\"type\":\"uint32\"}],\"name\":\"BatchIsExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"BatchIsRecalled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InactiveParticipant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"requested\",\"type\":\"uint256\"}],\"name\":\"InsufficientStock\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"expiryDay\",\"type\":\"uint32\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidLot\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPacksRoot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidQuantity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidReason\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"MerkleProofInvalidMultiproof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotBatchManufacturer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"}],\"name\":\"NotDecommissioned\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotProductOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotShipmentReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotShipmentSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"published\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"PacksNotPublished\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"expected\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"offset\",\"type\":\"uint32\"}],\"name\":\"PublishOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"enumRegistry.Role\",\"name\":\"role\",\"type\":\"uint8\"}],\"name\":\"RoleNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumRegistry.Role\",\"name\":\"fromRole\",\"type\":\"uint8\"},{\"internalType\":\"enumRegistry.Role\",\"name\":\"toRole\",\"type\":\"uint8\"}],\"name\":\"ShipmentNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"internalType\":\"enumBatchLedger.ShipmentStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"ShipmentNotPending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"end\",\"type\":\"uint256\"}],\"name\":\"TooManyPacks\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"actor\",\"type\":\"address\"}],\"name\":\"UndoByOtherActor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"UndoNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"internalType\":\"uint40\",\"name\":\"decommissionedAt\",\"type\":\"uint40\"}],\"name\":\"UndoWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"UnknownBatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"name\":\"UnknownShipment\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"BatchRecalled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"manufacturer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"lot\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"expiryDay\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"packsRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"docHash\",\"type\":\"bytes32\"}],\"name\":\"BatchRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"actor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"PackDecommissioned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"actor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"PackReactivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"offset\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32[]\",\"name\":\"packIds\",\"type\":\"bytes32[]\"}],\"name\":\"PacksPublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"ShipmentCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"ShipmentReceived\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"ShipmentRejected\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"Shipped\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_LOT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"UNDO_WINDOW\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"batch\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"manufacturer\",\"type\":\"address\"},{\"internalType\":\"uint24\",\"name\":\"expiryDay\",\"type\":\"uint24\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"published\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"recalled\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"packsRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structBatchLedger.Batch\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"name\":\"cancelShipment\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"},{\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"decommission\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"packIds\",\"type\":\"bytes32[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"},{\"internalType\":\"bool[]\",\"name\":\"proofFlags\",\"type\":\"bool[]\"},{\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"decommissionMany\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"}],\"name\":\"decommissionOf\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"actor\",\"type\":\"address\"},{\"internalType\":\"uint40\",\"name\":\"timestamp\",\"type\":\"uint40\"},{\"internalType\":\"enumBatchLedger.Reason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"internalType\":\"structBatchLedger.Decommission\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"name\":\"isExpired\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextShipmentId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"offset\",\"type\":\"uint32\"},{\"internalType\":\"bytes32[]\",\"name\":\"packIds\",\"type\":\"bytes32[]\"}],\"name\":\"publishPacks\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packId\",\"type\":\"bytes32\"}],\"name\":\"reactivate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"recall\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"name\":\"receiveShipment\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"lot\",\"type\":\"string\"},{\"internalType\":\"uint32\",\"name\":\"expiryDay\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"packsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"docHash\",\"type\":\"bytes32\"}],\"name\":\"registerBatch\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"name\":\"rejectShipment\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"}],\"name\":\"ship\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"shipmentId\",\"type\":\"uint256\"}],\"name\":\"shipment\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"quantity\",\"type\":\"uint32\"},{\"internalType\":\"enumBatchLedger.ShipmentStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"batchId\",\"type\":\"bytes32\"}],\"internalType\":\"structBatchLedger.Shipment\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "BatchLedger",
	Bin: "0x60a060405260015f553480156012575f5ffd5b50604051612558380380612558833981016040819052602f91603f565b6001600160a01b0316608052606a565b5f60208284031215604e575f5ffd5b81516001600160a01b03811681146063575f5ffd5b9392505050565b6080516124c86100905f395f81816101e801528181610437015261185501526124c85ff3fe608060405234801561000f575f5ffd5b506004361061011b575f3560e01c80638076ed75116100a9578063c20382361161006e578063c20382361461027f578063d18eaebe146102b4578063e332dffe146102c7578063e9cf6863146102da578063fddaa065146102e2575f5ffd5b80638076ed7514610235578063a3b1e68c14610248578063af295b541461025b578063b9a3a68c14610265578063beb0ae8b1461026c575f5ffd5b8063604fbf27116100ef578063604fbf27146101805780636db2feb2146101a05780636fa52a7b146101c35780637b103999146101e35780637faa7bc714610222575f5ffd5b806284468d1461011f578063100e09bd1461014557806339b721771461015a5780633c0b276c1461016d575b5f5ffd5b61013261012d366004611e53565b610403565b6040519081526020015b60405180910390f35b610158610153366004611f31565b6106c8565b005b610158610168366004611fe6565b610817565b61015861017b36600461202d565b610907565b61019361018e366004612044565b610a1a565b60405161013c919061208c565b6101b36101ae36600461202d565b610abd565b604051901515815260200161013c565b6101d66101d136600461202d565b610acf565b60405161013c91906120db565b61020a7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161013c565b61015861023036600461202d565b610b89565b610158610243366004612134565b610c8f565b6101326102563660046121aa565b610cfd565b610132620d2f0081565b5f54610132565b61015861027a36600461202d565b610f4d565b61013261028d3660046121e5565b5f9182526002602090815260408084206001600160a01b0393909316845291905290205490565b6101586102c2366004612213565b611056565b6101586102d5366004612044565b6111b7565b610132601481565b61039d6102f036600461202d565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a0810191909152505f90815260016020818152604092839020835160c08101855281546001600160a01b0381168252600160a01b810462ffffff1693820193909352600160b81b830463ffffffff90811695820195909552600160d81b83049094166060850152600160f81b90910460ff1615156080840152015460a082015290565b60405161013c91905f60c08201905060018060a01b03835116825262ffffff602084015116602083015263ffffffff604084015116604083015263ffffffff606084015116606083015260808301511515608083015260a083015160a083015292915050565b5f61040f336002611481565b604051630a36ca4f60e01b81526001600160401b038916600482015233906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690630a36ca4f90602401602060405180830381865afa15801561047c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104a09190612268565b6001600160a01b0316146104dd57604051639d188e6f60e01b81526001600160401b03891660048201523360248201526044015b60405180910390fd5b858015806104eb5750601481115b15610509576040516314ecb64560e31b815260040160405180910390fd5b8463ffffffff165f0361052f5760405163524f409b60e01b815260040160405180910390fd5b61053c6201518042612297565b8663ffffffff161080610557575062ffffff63ffffffff8716115b1561057d57604051636fa8667f60e11b815263ffffffff871660048201526024016104d4565b8361059b5760405163bf8ec35960e01b815260040160405180910390fd5b8888886040516020016105b0939291906122de565b60408051601f1981840301815291815281516020928301205f818152600190935291208054919350906001600160a01b03161561060357604051638367361d60e01b8152600481018490526024016104d4565b805463ffffffff8716600160b81b810263ffffffff60b81b1962ffffff8b16600160a01b0262ffffff60a01b19339081166001600160b81b0319909616959095171716178355600183018790555f8581526002602090815260408083208584529091529081902091909155516001600160401b038c169085907f85a0bf568fc0d2920bbdce471ce672a47b4ddfe4d8d10a0d7af34e32ebe2c02e906106b3908e908e908e908e908e908e90612300565b60405180910390a45050979650505050505050565b5f6106d2896114d8565b90506106df898284611515565b865f8190036107015760405163524f409b60e01b815260040160405180910390fd5b5f816001600160401b0381111561071a5761071a61233e565b604051908082528060200260200182016040528015610743578160200160208202803683370190505b5090505f5b82811015610796576107718b8b8381811061076557610765612352565b90506020020135611652565b82828151811061078357610783612352565b6020908102919091010152600101610748565b506107a9888888888760010154866116a0565b6107c9576040516347f66a5560e01b8152600481018c90526024016104d4565b6107d48b33846116bb565b5f5b82811015610809576108018c8c8c848181106107f4576107f4612352565b9050602002013587611749565b6001016107d6565b505050505050505050505050565b5f610821846114d8565b90505f61082d33611834565b9050600181600481111561084357610843612064565b1415801561085b575081546001600160a01b03163314155b156108825760405163a30d04e360e01b8152600481018690523360248201526044016104d4565b8154600160f81b900460ff16156108af576040516369a6bc2f60e11b8152600481018690526024016104d4565b81546001600160f81b0316600160f81b178255604051339086907f33fbba12c607be9c313aeaa05ac8e5ca1199987e426344ec1bf155c43ab843a8906108f89088908890612366565b60405180910390a35050505050565b5f610911826118fe565b60018101549091506001600160a01b0316331461094a576040516372c3650d60e11b8152600481018390523360248201526044016104d4565b61095333611834565b50805460ff60c01b1916600160c11b178082556002808301545f9081526020918252604080822060018601546001600160a01b031683529092529081208054600160a01b90930463ffffffff16929091906109af908490612379565b9091555050805460028201546001830154604080516001600160a01b039283168152600160a01b850463ffffffff166020820152919093169285917f3d670fa12e2bb006f3f97bf566acef8c8078b6dcc82e54243c7965b81848537891015b60405180910390a45050565b610a3a604080516060810182525f80825260208201819052909182015290565b5f838152600460209081526040808320858452825291829020825160608101845281546001600160a01b0381168252600160a01b810464ffffffffff169382019390935292909190830190600160c81b900460ff166007811115610aa057610aa0612064565b6007811115610ab157610ab1612064565b90525090505b92915050565b5f610ab7610aca836114d8565b611997565b6040805160a080820183525f8083526020808401829052838501829052606084018290526080840182905285825260038152908490208451928301855280546001600160a01b0381168452600160a01b810463ffffffff16928401929092529293919291830190600160c01b900460ff166004811115610b5157610b51612064565b6004811115610b6257610b62612064565b815260018201546001600160a01b0316602082015260029091015460409091015292915050565b5f610b93826118fe565b80549091506001600160a01b03163314610bc95760405163bcb23f5560e01b8152600481018390523360248201526044016104d4565b610bd233611834565b50805460ff60c01b198116600160c21b178083556002808401545f908152602091825260408082206001600160a01b039095168252939091529182208054600160a01b90920463ffffffff16929091610c2c908490612379565b9091555050805460028201546001830154604080516001600160a01b039283168152600160a01b850463ffffffff166020820152919093169285917f81c8dd10bec66bd9bc629ee31c91d99b8afcba5227daa2ff8ac5069675643e759101610a0e565b5f610c99866114d8565b9050610ca6868284611515565b610cbe84848360010154610cb989611652565b6119bb565b610cde576040516347f66a5560e01b8152600481018790526024016104d4565b610cea863360016116bb565b610cf5868684611749565b505050505050565b5f5f610d08856114d8565b90505f610d1433611834565b90505f610d2086611834565b83549091506001600160a01b038781169116811490331480610d4a5750610d488383836119d4565b155b15610d6c5782826040516374e36de160e01b81526004016104d492919061238c565b610d768885611aca565b80610de6578354600160f81b900460ff1615610da857604051632eb375d960e01b8152600481018990526024016104d4565b610db184611997565b15610de6578354604051635a79cc9360e01b8152600481018a9052600160a01b90910462ffffff1660248201526044016104d4565b8563ffffffff165f03610e0c5760405163524f409b60e01b815260040160405180910390fd5b610e1d88338863ffffffff166116bb565b5f80549080610e2b836123b2565b909155506040805160a08101825233815263ffffffff891660208201529196508101600181526001600160a01b03808a1660208084019190915260409283018c90525f89815260038252839020845181549286015163ffffffff16600160a01b026001600160c01b031990931693169290921717808255918301519091829060ff60c01b1916600160c01b836004811115610ec857610ec8612064565b021790555060608201516001820180546001600160a01b0319166001600160a01b0392831617905560809092015160029091015560408051918916825263ffffffff8816602083015233918a9188917f1b3059df2e3fb12b34fc1aed600dfd07034bc9427256a6bdadeba60ca57b89b0910160405180910390a4505050509392505050565b5f610f57826118fe565b60018101549091506001600160a01b03163314610f90576040516372c3650d60e11b8152600481018390523360248201526044016104d4565b610f9933611834565b50805460ff60c01b198116600360c01b178083556002808401545f908152602091825260408082206001600160a01b039095168252939091529182208054600160a01b90920463ffffffff16929091610ff3908490612379565b9091555050805460028201546001830154604080516001600160a01b039283168152600160a01b850463ffffffff166020820152919093169285917fbe23309117f5fe95f01393bed78c8b730c15fb72ee172830d66acc7900b773119101610a0e565b5f611060856114d8565b80549091506001600160a01b031633146110965760405163a30d04e360e01b8152600481018690523360248201526044016104d4565b61109f33611834565b50805463ffffffff600160d81b909104811690851681146110ea576040516332f4637960e21b81526004810187905263ffffffff8083166024830152861660448201526064016104d4565b5f6110fb8463ffffffff8416612379565b905083158061111757508254600160b81b900463ffffffff1681115b15611154578254604051630fec4e2760e41b815260048101899052600160b81b90910463ffffffff166024820152604481018290526064016104d4565b825463ffffffff60d81b1916600160d81b63ffffffff83160217835560405187907f3a634bc8e320f1e8041c04f3f2b37159b46afedfdda236a3cda244f21d2b1c53906111a6908990899089906123ca565b60405180910390a250505050505050565b5f8281526004602090815260408083208484528252808320815160608101835281546001600160a01b0381168252600160a01b810464ffffffffff1694820194909452929091830190600160c81b900460ff16600781111561121b5761121b612064565b600781111561122c5761122c612064565b90525080519091506001600160a01b03166112645760405163e3998f5960e01b815260048101849052602481018390526044016104d4565b80516001600160a01b031633146112aa5780516040516309e9d51b60e11b815260048101859052602481018490526001600160a01b0390911660448201526064016104d4565b6112b333611834565b506002816040015160078111156112cc576112cc612064565b14806112ed57506003816040015160078111156112eb576112eb612064565b145b15611315578282826040015160405163a9e5a1c160e01b81526004016104d49392919061240f565b620d2f00816020015164ffffffffff1661132f9190612379565b42111561136c576020810151604051635b7a682360e11b8152600481018590526024810184905264ffffffffff90911660448201526064016104d4565b5f8381526001602052604090208054600160f81b900460ff16156113a657604051632eb375d960e01b8152600481018590526024016104d4565b6113af81611997565b156113e4578054604051635a79cc9360e01b815260048101869052600160a01b90910462ffffff1660248201526044016104d4565b5f848152600460209081526040808320868452825280832080546001600160d01b031916905586835260028252808320338452909152812080546001929061142d908490612379565b92505081905550336001600160a01b031683857f1bae5efd8453c0aff3f0045e24334dce4b2bcb7a36e8fbaa88d12311ff71c9138560400151604051611473919061242a565b60405180910390a450505050565b5f61148b83611834565b905081600481111561149f5761149f612064565b8160048111156114b1576114b1612064565b146114d3578281604051639f3a48db60e01b81526004016104d4929190612438565b505050565b5f81815260016020526040902080546001600160a01b031661151057604051630877402b60e41b8152600481018390526024016104d4565b919050565b5f61151f33611834565b90505f82600781111561153457611534612064565b03611552576040516337b89b9360e21b815260040160405180910390fd5b600181600481111561156657611566612064565b03611588573381604051639f3a48db60e01b81526004016104d4929190612438565b6115928484611aca565b60018260078111156115a6576115a6612064565b0361164c5760048160048111156115bf576115bf612064565b146115e1573381604051639f3a48db60e01b81526004016104d4929190612438565b8254600160f81b900460ff161561160e57604051632eb375d960e01b8152600481018590526024016104d4565b61161783611997565b1561164c578254604051635a79cc9360e01b815260048101869052600160a01b90910462ffffff1660248201526044016104d4565b50505050565b5f8160405160200161166691815260200190565b60408051601f1981840301815282825280516020918201209083015201604051602081830303815290604052805190602001209050919050565b5f826116af8888888887611b2e565b14979650505050505050565b5f8381526002602090815260408083206001600160a01b03861684529091529020548181101561171e57604051631c420f3960e31b8152600481018590526001600160a01b038416602482015260448101829052606481018390526084016104d4565b5f9384526002602090815260408086206001600160a01b039095168652939052919092209190039055565b5f838152600460209081526040808320858452909152902080546001600160a01b0316156117a757805460405163d09c54cb60e01b81526104d491869186916001600160a01b03811691600160c81b90910460ff1690600401612451565b80546001600160c81b0319163364ffffffffff60a01b191617600160a01b4264ffffffffff1602178082558290829060ff60c81b1916600160c81b8360078111156117f4576117f4612064565b0217905550336001600160a01b031683857f93b52a9bc994f14c25054edfa6e8dd2130dee46f479108342fdc9449b9c8bcd685604051611473919061242a565b6040516352ebc13f60e11b81526001600160a01b0382811660048301525f917f00000000000000000000000000000000000000000000000000000000000000009091169063a5d7827e90602401602060405180830381865afa15801561189c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906118c0919061247b565b90505f8160048111156118d5576118d5612064565b03611510576040516323a1fdb360e11b81526001600160a01b03831660048201526024016104d4565b5f818152600360205260408120908154600160c01b900460ff16600481111561192957611929612064565b0361194a57604051632a3508a160e11b8152600481018390526024016104d4565b60018154600160c01b900460ff16600481111561196957611969612064565b146115105780546040516302d0094160e61b81526104d4918491600160c01b90910460ff1690600401612499565b80545f90600160a01b900462ffffff166119b46201518042612297565b1192915050565b5f826119c8868685611d92565b1490505b949350505050565b5f60028360048111156119e9576119e9612064565b03611a3257818015611a0d57506002846004811115611a0a57611a0a612064565b14155b8015611a2b57506001846004811115611a2857611a28612064565b14155b9050611ac3565b6002846004811115611a4657611a46612064565b1480611a6357506003846004811115611a6157611a61612064565b145b15611aa0576003836004811115611a7c57611a7c612064565b1480611a2b575060045b836004811115611a9857611a98612064565b149050611ac3565b6004846004811115611ab457611ab4612064565b03611ac0576003611a86565b505f5b9392505050565b8054600160d81b810463ffffffff908116600160b81b9092041614611b2a5780546040516303d9b5e160e11b81526004810184905263ffffffff600160d81b830481166024830152600160b81b90920490911660448201526064016104d4565b5050565b80515f9083611b3e816001612379565b611b488884612379565b14611b6657604051631a8a024960e11b815260040160405180910390fd5b8015611d42575f816001600160401b03811115611b8557611b8561233e565b604051908082528060200260200182016040528015611bae578160200160208202803683370190505b5090505f8080805b85811015611cf7575f878510611bf0578584611bd1816123b2565b955081518110611be357611be3612352565b6020026020010151611c16565b8985611bfb816123b2565b965081518110611c0d57611c0d612352565b60200260200101515b90505f8c8c84818110611c2b57611c2b612352565b9050602002016020810190611c4091906124a9565b611c6d578e8e85611c50816123b2565b9650818110611c6157611c61612352565b90506020020135611cc4565b888610611c9e578685611c7f816123b2565b965081518110611c9157611c91612352565b6020026020010151611cc4565b8a86611ca9816123b2565b975081518110611cbb57611cbb612352565b60200260200101515b9050611cd08282611dd3565b878481518110611ce257611ce2612352565b60209081029190910101525050600101611bb6565b50808b14611d1857604051631a8a024960e11b815260040160405180910390fd5b836001860381518110611d2d57611d2d612352565b60200260200101519650505050505050611d89565b8115611d6b57835f81518110611d5a57611d5a612352565b602002602001015192505050611d89565b87875f818110611d7d57611d7d612352565b90506020020135925050505b95945050505050565b5f81815b84811015611dca57611dc082878784818110611db457611db4612352565b90506020020135611dd3565b9150600101611d96565b50949350505050565b5f818310611ded575f828152602084905260409020611ac3565b505f9182526020526040902090565b5f5f83601f840112611e0c575f5ffd5b5081356001600160401b03811115611e22575f5ffd5b602083019150836020828501011115611e39575f5ffd5b9250929050565b803563ffffffff81168114611510575f5ffd5b5f5f5f5f5f5f5f60c0888a031215611e69575f5ffd5b87356001600160401b0381168114611e7f575f5ffd5b965060208801356001600160401b03811115611e99575f5ffd5b611ea58a828b01611dfc565b9097509550611eb8905060408901611e40565b9350611ec660608901611e40565b969995985093969295946080840135945060a09093013592915050565b5f5f83601f840112611ef3575f5ffd5b5081356001600160401b03811115611f09575f5ffd5b6020830191508360208260051b8501011115611e39575f5ffd5b803560088110611510575f5ffd5b5f5f5f5f5f5f5f5f60a0898b031215611f48575f5ffd5b8835975060208901356001600160401b03811115611f64575f5ffd5b611f708b828c01611ee3565b90985096505060408901356001600160401b03811115611f8e575f5ffd5b611f9a8b828c01611ee3565b90965094505060608901356001600160401b03811115611fb8575f5ffd5b611fc48b828c01611ee3565b9094509250611fd7905060808a01611f23565b90509295985092959890939650565b5f5f5f60408486031215611ff8575f5ffd5b8335925060208401356001600160401b03811115612014575f5ffd5b61202086828701611dfc565b9497909650939450505050565b5f6020828403121561203d575f5ffd5b5035919050565b5f5f60408385031215612055575f5ffd5b50508035926020909101359150565b634e487b7160e01b5f52602160045260245ffd5b6008811061208857612088612064565b9052565b81516001600160a01b0316815260208083015164ffffffffff169082015260408083015160608301916120c190840182612078565b5092915050565b600581106120d8576120d8612064565b50565b81516001600160a01b0316815260208083015163ffffffff1690820152604082015160a082019061210b816120c8565b60408301526060838101516001600160a01b031690830152608092830151929091019190915290565b5f5f5f5f5f60808688031215612148575f5ffd5b853594506020860135935060408601356001600160401b0381111561216b575f5ffd5b61217788828901611ee3565b909450925061218a905060608701611f23565b90509295509295909350565b6001600160a01b03811681146120d8575f5ffd5b5f5f5f606084860312156121bc575f5ffd5b8335925060208401356121ce81612196565b91506121dc60408501611e40565b90509250925092565b5f5f604083850312156121f6575f5ffd5b82359150602083013561220881612196565b809150509250929050565b5f5f5f5f60608587031215612226575f5ffd5b8435935061223660208601611e40565b925060408501356001600160401b03811115612250575f5ffd5b61225c87828801611ee3565b95989497509550505050565b5f60208284031215612278575f5ffd5b8151611ac381612196565b634e487b7160e01b5f52601160045260245ffd5b5f826122b157634e487b7160e01b5f52601260045260245ffd5b500490565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b6001600160401b0384168152604060208201525f611d896040830184866122b6565b60a081525f61231360a08301888a6122b6565b63ffffffff968716602084015294909516604082015260608101929092526080909101529392505050565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b602081525f6119cc6020830184866122b6565b80820180821115610ab757610ab7612283565b60408101612399846120c8565b8382526123a5836120c8565b8260208301529392505050565b5f600182016123c3576123c3612283565b5060010190565b63ffffffff8416815260406020820181905281018290525f6001600160fb1b038311156123f5575f5ffd5b8260051b8085606085013791909101606001949350505050565b83815260208101839052606081016119cc6040830184612078565b60208101610ab78284612078565b6001600160a01b0383168152604081016123a5836120c8565b848152602081018490526001600160a01b038316604082015260808101611d896060830184612078565b5f6020828403121561248b575f5ffd5b815160058110611ac3575f5ffd5b828152604081016123a5836120c8565b5f602082840312156124b9575f5ffd5b81358015158114611ac3575f5ffd",
}

// BatchLedger is an auto generated Go binding around an Ethereum contract.
type BatchLedger struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BatchLedger) GetABI() abi.ABI {
	return c.abi
}

// NewBatchLedger creates a new instance of BatchLedger.
func NewBatchLedger() *BatchLedger {
	parsed, err := BatchLedgerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BatchLedger{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BatchLedger) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_) returns()
func (batchLedger *BatchLedger) PackConstructor(registry_ common.Address) []byte {
	enc, err := batchLedger.abi.Pack("", registry_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXLOTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9cf6863.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_LOT_LENGTH() view returns(uint256)
func (batchLedger *BatchLedger) PackMAXLOTLENGTH() []byte {
	enc, err := batchLedger.abi.Pack("MAX_LOT_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXLOTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9cf6863.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_LOT_LENGTH() view returns(uint256)
func (batchLedger *BatchLedger) TryPackMAXLOTLENGTH() ([]byte, error) {
	return batchLedger.abi.Pack("MAX_LOT_LENGTH")
}

// UnpackMAXLOTLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe9cf6863.
//
// Solidity: function MAX_LOT_LENGTH() view returns(uint256)
func (batchLedger *BatchLedger) UnpackMAXLOTLENGTH(data []byte) (*big.Int, error) {
	out, err := batchLedger.abi.Unpack("MAX_LOT_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUNDOWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf295b54.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function UNDO_WINDOW() view returns(uint256)
func (batchLedger *BatchLedger) PackUNDOWINDOW() []byte {
	enc, err := batchLedger.abi.Pack("UNDO_WINDOW")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUNDOWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf295b54.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function UNDO_WINDOW() view returns(uint256)
func (batchLedger *BatchLedger) TryPackUNDOWINDOW() ([]byte, error) {
	return batchLedger.abi.Pack("UNDO_WINDOW")
}

// UnpackUNDOWINDOW is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaf295b54.
//
// Solidity: function UNDO_WINDOW() view returns(uint256)
func (batchLedger *BatchLedger) UnpackUNDOWINDOW(data []byte) (*big.Int, error) {
	out, err := batchLedger.abi.Unpack("UNDO_WINDOW", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2038236.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(bytes32 batchId, address holder) view returns(uint256)
func (batchLedger *BatchLedger) PackBalanceOf(batchId [32]byte, holder common.Address) []byte {
	enc, err := batchLedger.abi.Pack("balanceOf", batchId, holder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2038236.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(bytes32 batchId, address holder) view returns(uint256)
func (batchLedger *BatchLedger) TryPackBalanceOf(batchId [32]byte, holder common.Address) ([]byte, error) {
	return batchLedger.abi.Pack("balanceOf", batchId, holder)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc2038236.
//
// Solidity: function balanceOf(bytes32 batchId, address holder) view returns(uint256)
func (batchLedger *BatchLedger) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := batchLedger.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfddaa065.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batch(bytes32 batchId) view returns((address,uint24,uint32,uint32,bool,bytes32))
func (batchLedger *BatchLedger) PackBatch(batchId [32]byte) []byte {
	enc, err := batchLedger.abi.Pack("batch", batchId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfddaa065.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batch(bytes32 batchId) view returns((address,uint24,uint32,uint32,bool,bytes32))
func (batchLedger *BatchLedger) TryPackBatch(batchId [32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("batch", batchId)
}

// UnpackBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfddaa065.
//
// Solidity: function batch(bytes32 batchId) view returns((address,uint24,uint32,uint32,bool,bytes32))
func (batchLedger *BatchLedger) UnpackBatch(data []byte) (BatchLedgerBatch, error) {
	out, err := batchLedger.abi.Unpack("batch", data)
	if err != nil {
		return *new(BatchLedgerBatch), err
	}
	out0 := *abi.ConvertType(out[0], new(BatchLedgerBatch)).(*BatchLedgerBatch)
	return out0, nil
}

// PackCancelShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7faa7bc7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) PackCancelShipment(shipmentId *big.Int) []byte {
	enc, err := batchLedger.abi.Pack("cancelShipment", shipmentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7faa7bc7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) TryPackCancelShipment(shipmentId *big.Int) ([]byte, error) {
	return batchLedger.abi.Pack("cancelShipment", shipmentId)
}

// PackDecommission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8076ed75.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decommission(bytes32 batchId, bytes32 packId, bytes32[] proof, uint8 reason) returns()
func (batchLedger *BatchLedger) PackDecommission(batchId [32]byte, packId [32]byte, proof [][32]byte, reason uint8) []byte {
	enc, err := batchLedger.abi.Pack("decommission", batchId, packId, proof, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecommission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8076ed75.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decommission(bytes32 batchId, bytes32 packId, bytes32[] proof, uint8 reason) returns()
func (batchLedger *BatchLedger) TryPackDecommission(batchId [32]byte, packId [32]byte, proof [][32]byte, reason uint8) ([]byte, error) {
	return batchLedger.abi.Pack("decommission", batchId, packId, proof, reason)
}

// PackDecommissionMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x100e09bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decommissionMany(bytes32 batchId, bytes32[] packIds, bytes32[] proof, bool[] proofFlags, uint8 reason) returns()
func (batchLedger *BatchLedger) PackDecommissionMany(batchId [32]byte, packIds [][32]byte, proof [][32]byte, proofFlags []bool, reason uint8) []byte {
	enc, err := batchLedger.abi.Pack("decommissionMany", batchId, packIds, proof, proofFlags, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecommissionMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x100e09bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decommissionMany(bytes32 batchId, bytes32[] packIds, bytes32[] proof, bool[] proofFlags, uint8 reason) returns()
func (batchLedger *BatchLedger) TryPackDecommissionMany(batchId [32]byte, packIds [][32]byte, proof [][32]byte, proofFlags []bool, reason uint8) ([]byte, error) {
	return batchLedger.abi.Pack("decommissionMany", batchId, packIds, proof, proofFlags, reason)
}

// PackDecommissionOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x604fbf27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decommissionOf(bytes32 batchId, bytes32 packId) view returns((address,uint40,uint8))
func (batchLedger *BatchLedger) PackDecommissionOf(batchId [32]byte, packId [32]byte) []byte {
	enc, err := batchLedger.abi.Pack("decommissionOf", batchId, packId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecommissionOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x604fbf27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decommissionOf(bytes32 batchId, bytes32 packId) view returns((address,uint40,uint8))
func (batchLedger *BatchLedger) TryPackDecommissionOf(batchId [32]byte, packId [32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("decommissionOf", batchId, packId)
}

// UnpackDecommissionOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x604fbf27.
//
// Solidity: function decommissionOf(bytes32 batchId, bytes32 packId) view returns((address,uint40,uint8))
func (batchLedger *BatchLedger) UnpackDecommissionOf(data []byte) (BatchLedgerDecommission, error) {
	out, err := batchLedger.abi.Unpack("decommissionOf", data)
	if err != nil {
		return *new(BatchLedgerDecommission), err
	}
	out0 := *abi.ConvertType(out[0], new(BatchLedgerDecommission)).(*BatchLedgerDecommission)
	return out0, nil
}

// PackIsExpired is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6db2feb2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isExpired(bytes32 batchId) view returns(bool)
func (batchLedger *BatchLedger) PackIsExpired(batchId [32]byte) []byte {
	enc, err := batchLedger.abi.Pack("isExpired", batchId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsExpired is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6db2feb2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isExpired(bytes32 batchId) view returns(bool)
func (batchLedger *BatchLedger) TryPackIsExpired(batchId [32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("isExpired", batchId)
}

// UnpackIsExpired is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6db2feb2.
//
// Solidity: function isExpired(bytes32 batchId) view returns(bool)
func (batchLedger *BatchLedger) UnpackIsExpired(data []byte) (bool, error) {
	out, err := batchLedger.abi.Unpack("isExpired", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackNextShipmentId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9a3a68c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextShipmentId() view returns(uint256)
func (batchLedger *BatchLedger) PackNextShipmentId() []byte {
	enc, err := batchLedger.abi.Pack("nextShipmentId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextShipmentId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9a3a68c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextShipmentId() view returns(uint256)
func (batchLedger *BatchLedger) TryPackNextShipmentId() ([]byte, error) {
	return batchLedger.abi.Pack("nextShipmentId")
}

// UnpackNextShipmentId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb9a3a68c.
//
// Solidity: function nextShipmentId() view returns(uint256)
func (batchLedger *BatchLedger) UnpackNextShipmentId(data []byte) (*big.Int, error) {
	out, err := batchLedger.abi.Unpack("nextShipmentId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPublishPacks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18eaebe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publishPacks(bytes32 batchId, uint32 offset, bytes32[] packIds) returns()
func (batchLedger *BatchLedger) PackPublishPacks(batchId [32]byte, offset uint32, packIds [][32]byte) []byte {
	enc, err := batchLedger.abi.Pack("publishPacks", batchId, offset, packIds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublishPacks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18eaebe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publishPacks(bytes32 batchId, uint32 offset, bytes32[] packIds) returns()
func (batchLedger *BatchLedger) TryPackPublishPacks(batchId [32]byte, offset uint32, packIds [][32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("publishPacks", batchId, offset, packIds)
}

// PackReactivate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe332dffe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reactivate(bytes32 batchId, bytes32 packId) returns()
func (batchLedger *BatchLedger) PackReactivate(batchId [32]byte, packId [32]byte) []byte {
	enc, err := batchLedger.abi.Pack("reactivate", batchId, packId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReactivate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe332dffe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reactivate(bytes32 batchId, bytes32 packId) returns()
func (batchLedger *BatchLedger) TryPackReactivate(batchId [32]byte, packId [32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("reactivate", batchId, packId)
}

// PackRecall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39b72177.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recall(bytes32 batchId, string reason) returns()
func (batchLedger *BatchLedger) PackRecall(batchId [32]byte, reason string) []byte {
	enc, err := batchLedger.abi.Pack("recall", batchId, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39b72177.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recall(bytes32 batchId, string reason) returns()
func (batchLedger *BatchLedger) TryPackRecall(batchId [32]byte, reason string) ([]byte, error) {
	return batchLedger.abi.Pack("recall", batchId, reason)
}

// PackReceiveShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c0b276c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function receiveShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) PackReceiveShipment(shipmentId *big.Int) []byte {
	enc, err := batchLedger.abi.Pack("receiveShipment", shipmentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceiveShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c0b276c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function receiveShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) TryPackReceiveShipment(shipmentId *big.Int) ([]byte, error) {
	return batchLedger.abi.Pack("receiveShipment", shipmentId)
}

// PackRegisterBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0084468d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerBatch(uint64 gtin, string lot, uint32 expiryDay, uint32 quantity, bytes32 packsRoot, bytes32 docHash) returns(bytes32 batchId)
func (batchLedger *BatchLedger) PackRegisterBatch(gtin uint64, lot string, expiryDay uint32, quantity uint32, packsRoot [32]byte, docHash [32]byte) []byte {
	enc, err := batchLedger.abi.Pack("registerBatch", gtin, lot, expiryDay, quantity, packsRoot, docHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0084468d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerBatch(uint64 gtin, string lot, uint32 expiryDay, uint32 quantity, bytes32 packsRoot, bytes32 docHash) returns(bytes32 batchId)
func (batchLedger *BatchLedger) TryPackRegisterBatch(gtin uint64, lot string, expiryDay uint32, quantity uint32, packsRoot [32]byte, docHash [32]byte) ([]byte, error) {
	return batchLedger.abi.Pack("registerBatch", gtin, lot, expiryDay, quantity, packsRoot, docHash)
}

// UnpackRegisterBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0084468d.
//
// Solidity: function registerBatch(uint64 gtin, string lot, uint32 expiryDay, uint32 quantity, bytes32 packsRoot, bytes32 docHash) returns(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackRegisterBatch(data []byte) ([32]byte, error) {
	out, err := batchLedger.abi.Unpack("registerBatch", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (batchLedger *BatchLedger) PackRegistry() []byte {
	enc, err := batchLedger.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (batchLedger *BatchLedger) TryPackRegistry() ([]byte, error) {
	return batchLedger.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (batchLedger *BatchLedger) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := batchLedger.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRejectShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbeb0ae8b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rejectShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) PackRejectShipment(shipmentId *big.Int) []byte {
	enc, err := batchLedger.abi.Pack("rejectShipment", shipmentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRejectShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbeb0ae8b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rejectShipment(uint256 shipmentId) returns()
func (batchLedger *BatchLedger) TryPackRejectShipment(shipmentId *big.Int) ([]byte, error) {
	return batchLedger.abi.Pack("rejectShipment", shipmentId)
}

// PackShip is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3b1e68c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ship(bytes32 batchId, address to, uint32 quantity) returns(uint256 shipmentId)
func (batchLedger *BatchLedger) PackShip(batchId [32]byte, to common.Address, quantity uint32) []byte {
	enc, err := batchLedger.abi.Pack("ship", batchId, to, quantity)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackShip is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3b1e68c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ship(bytes32 batchId, address to, uint32 quantity) returns(uint256 shipmentId)
func (batchLedger *BatchLedger) TryPackShip(batchId [32]byte, to common.Address, quantity uint32) ([]byte, error) {
	return batchLedger.abi.Pack("ship", batchId, to, quantity)
}

// UnpackShip is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3b1e68c.
//
// Solidity: function ship(bytes32 batchId, address to, uint32 quantity) returns(uint256 shipmentId)
func (batchLedger *BatchLedger) UnpackShip(data []byte) (*big.Int, error) {
	out, err := batchLedger.abi.Unpack("ship", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fa52a7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function shipment(uint256 shipmentId) view returns((address,uint32,uint8,address,bytes32))
func (batchLedger *BatchLedger) PackShipment(shipmentId *big.Int) []byte {
	enc, err := batchLedger.abi.Pack("shipment", shipmentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackShipment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fa52a7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function shipment(uint256 shipmentId) view returns((address,uint32,uint8,address,bytes32))
func (batchLedger *BatchLedger) TryPackShipment(shipmentId *big.Int) ([]byte, error) {
	return batchLedger.abi.Pack("shipment", shipmentId)
}

// UnpackShipment is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6fa52a7b.
//
// Solidity: function shipment(uint256 shipmentId) view returns((address,uint32,uint8,address,bytes32))
func (batchLedger *BatchLedger) UnpackShipment(data []byte) (BatchLedgerShipment, error) {
	out, err := batchLedger.abi.Unpack("shipment", data)
	if err != nil {
		return *new(BatchLedgerShipment), err
	}
	out0 := *abi.ConvertType(out[0], new(BatchLedgerShipment)).(*BatchLedgerShipment)
	return out0, nil
}

// BatchLedgerBatchRecalled represents a BatchRecalled event raised by the BatchLedger contract.
type BatchLedgerBatchRecalled struct {
	BatchId [32]byte
	By      common.Address
	Reason  string
	Raw     *types.Log // Blockchain specific contextual infos
}

const BatchLedgerBatchRecalledEventName = "BatchRecalled"

// ContractEventName returns the user-defined event name.
func (BatchLedgerBatchRecalled) ContractEventName() string {
	return BatchLedgerBatchRecalledEventName
}

// UnpackBatchRecalledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchRecalled(bytes32 indexed batchId, address indexed by, string reason)
func (batchLedger *BatchLedger) UnpackBatchRecalledEvent(log *types.Log) (*BatchLedgerBatchRecalled, error) {
	event := "BatchRecalled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerBatchRecalled)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerBatchRegistered represents a BatchRegistered event raised by the BatchLedger contract.
type BatchLedgerBatchRegistered struct {
	BatchId      [32]byte
	Gtin         uint64
	Manufacturer common.Address
	Lot          string
	ExpiryDay    uint32
	Quantity     uint32
	PacksRoot    [32]byte
	DocHash      [32]byte
	Raw          *types.Log // Blockchain specific contextual infos
}

const BatchLedgerBatchRegisteredEventName = "BatchRegistered"

// ContractEventName returns the user-defined event name.
func (BatchLedgerBatchRegistered) ContractEventName() string {
	return BatchLedgerBatchRegisteredEventName
}

// UnpackBatchRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchRegistered(bytes32 indexed batchId, uint64 indexed gtin, address indexed manufacturer, string lot, uint32 expiryDay, uint32 quantity, bytes32 packsRoot, bytes32 docHash)
func (batchLedger *BatchLedger) UnpackBatchRegisteredEvent(log *types.Log) (*BatchLedgerBatchRegistered, error) {
	event := "BatchRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerBatchRegistered)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerPackDecommissioned represents a PackDecommissioned event raised by the BatchLedger contract.
type BatchLedgerPackDecommissioned struct {
	BatchId [32]byte
	PackId  [32]byte
	Actor   common.Address
	Reason  uint8
	Raw     *types.Log // Blockchain specific contextual infos
}

const BatchLedgerPackDecommissionedEventName = "PackDecommissioned"

// ContractEventName returns the user-defined event name.
func (BatchLedgerPackDecommissioned) ContractEventName() string {
	return BatchLedgerPackDecommissionedEventName
}

// UnpackPackDecommissionedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PackDecommissioned(bytes32 indexed batchId, bytes32 indexed packId, address indexed actor, uint8 reason)
func (batchLedger *BatchLedger) UnpackPackDecommissionedEvent(log *types.Log) (*BatchLedgerPackDecommissioned, error) {
	event := "PackDecommissioned"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerPackDecommissioned)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerPackReactivated represents a PackReactivated event raised by the BatchLedger contract.
type BatchLedgerPackReactivated struct {
	BatchId [32]byte
	PackId  [32]byte
	Actor   common.Address
	Reason  uint8
	Raw     *types.Log // Blockchain specific contextual infos
}

const BatchLedgerPackReactivatedEventName = "PackReactivated"

// ContractEventName returns the user-defined event name.
func (BatchLedgerPackReactivated) ContractEventName() string {
	return BatchLedgerPackReactivatedEventName
}

// UnpackPackReactivatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PackReactivated(bytes32 indexed batchId, bytes32 indexed packId, address indexed actor, uint8 reason)
func (batchLedger *BatchLedger) UnpackPackReactivatedEvent(log *types.Log) (*BatchLedgerPackReactivated, error) {
	event := "PackReactivated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerPackReactivated)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerPacksPublished represents a PacksPublished event raised by the BatchLedger contract.
type BatchLedgerPacksPublished struct {
	BatchId [32]byte
	Offset  uint32
	PackIds [][32]byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const BatchLedgerPacksPublishedEventName = "PacksPublished"

// ContractEventName returns the user-defined event name.
func (BatchLedgerPacksPublished) ContractEventName() string {
	return BatchLedgerPacksPublishedEventName
}

// UnpackPacksPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PacksPublished(bytes32 indexed batchId, uint32 offset, bytes32[] packIds)
func (batchLedger *BatchLedger) UnpackPacksPublishedEvent(log *types.Log) (*BatchLedgerPacksPublished, error) {
	event := "PacksPublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerPacksPublished)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerShipmentCancelled represents a ShipmentCancelled event raised by the BatchLedger contract.
type BatchLedgerShipmentCancelled struct {
	ShipmentId *big.Int
	BatchId    [32]byte
	From       common.Address
	To         common.Address
	Quantity   uint32
	Raw        *types.Log // Blockchain specific contextual infos
}

const BatchLedgerShipmentCancelledEventName = "ShipmentCancelled"

// ContractEventName returns the user-defined event name.
func (BatchLedgerShipmentCancelled) ContractEventName() string {
	return BatchLedgerShipmentCancelledEventName
}

// UnpackShipmentCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ShipmentCancelled(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity)
func (batchLedger *BatchLedger) UnpackShipmentCancelledEvent(log *types.Log) (*BatchLedgerShipmentCancelled, error) {
	event := "ShipmentCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerShipmentCancelled)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerShipmentReceived represents a ShipmentReceived event raised by the BatchLedger contract.
type BatchLedgerShipmentReceived struct {
	ShipmentId *big.Int
	BatchId    [32]byte
	From       common.Address
	To         common.Address
	Quantity   uint32
	Raw        *types.Log // Blockchain specific contextual infos
}

const BatchLedgerShipmentReceivedEventName = "ShipmentReceived"

// ContractEventName returns the user-defined event name.
func (BatchLedgerShipmentReceived) ContractEventName() string {
	return BatchLedgerShipmentReceivedEventName
}

// UnpackShipmentReceivedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ShipmentReceived(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity)
func (batchLedger *BatchLedger) UnpackShipmentReceivedEvent(log *types.Log) (*BatchLedgerShipmentReceived, error) {
	event := "ShipmentReceived"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerShipmentReceived)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerShipmentRejected represents a ShipmentRejected event raised by the BatchLedger contract.
type BatchLedgerShipmentRejected struct {
	ShipmentId *big.Int
	BatchId    [32]byte
	From       common.Address
	To         common.Address
	Quantity   uint32
	Raw        *types.Log // Blockchain specific contextual infos
}

const BatchLedgerShipmentRejectedEventName = "ShipmentRejected"

// ContractEventName returns the user-defined event name.
func (BatchLedgerShipmentRejected) ContractEventName() string {
	return BatchLedgerShipmentRejectedEventName
}

// UnpackShipmentRejectedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ShipmentRejected(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity)
func (batchLedger *BatchLedger) UnpackShipmentRejectedEvent(log *types.Log) (*BatchLedgerShipmentRejected, error) {
	event := "ShipmentRejected"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerShipmentRejected)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BatchLedgerShipped represents a Shipped event raised by the BatchLedger contract.
type BatchLedgerShipped struct {
	ShipmentId *big.Int
	BatchId    [32]byte
	From       common.Address
	To         common.Address
	Quantity   uint32
	Raw        *types.Log // Blockchain specific contextual infos
}

const BatchLedgerShippedEventName = "Shipped"

// ContractEventName returns the user-defined event name.
func (BatchLedgerShipped) ContractEventName() string {
	return BatchLedgerShippedEventName
}

// UnpackShippedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Shipped(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity)
func (batchLedger *BatchLedger) UnpackShippedEvent(log *types.Log) (*BatchLedgerShipped, error) {
	event := "Shipped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchLedgerShipped)
	if len(log.Data) > 0 {
		if err := batchLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchLedger.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (batchLedger *BatchLedger) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["AlreadyDecommissioned"].ID.Bytes()[:4]) {
		return batchLedger.UnpackAlreadyDecommissionedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["AlreadyRecalled"].ID.Bytes()[:4]) {
		return batchLedger.UnpackAlreadyRecalledError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["BatchExists"].ID.Bytes()[:4]) {
		return batchLedger.UnpackBatchExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["BatchIsExpired"].ID.Bytes()[:4]) {
		return batchLedger.UnpackBatchIsExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["BatchIsRecalled"].ID.Bytes()[:4]) {
		return batchLedger.UnpackBatchIsRecalledError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InactiveParticipant"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInactiveParticipantError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InsufficientStock"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInsufficientStockError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidExpiry"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidLot"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidLotError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidPacksRoot"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidPacksRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidQuantity"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidQuantityError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["InvalidReason"].ID.Bytes()[:4]) {
		return batchLedger.UnpackInvalidReasonError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["MerkleProofInvalidMultiproof"].ID.Bytes()[:4]) {
		return batchLedger.UnpackMerkleProofInvalidMultiproofError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["NotBatchManufacturer"].ID.Bytes()[:4]) {
		return batchLedger.UnpackNotBatchManufacturerError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["NotDecommissioned"].ID.Bytes()[:4]) {
		return batchLedger.UnpackNotDecommissionedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["NotProductOwner"].ID.Bytes()[:4]) {
		return batchLedger.UnpackNotProductOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["NotShipmentReceiver"].ID.Bytes()[:4]) {
		return batchLedger.UnpackNotShipmentReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["NotShipmentSender"].ID.Bytes()[:4]) {
		return batchLedger.UnpackNotShipmentSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["PacksNotPublished"].ID.Bytes()[:4]) {
		return batchLedger.UnpackPacksNotPublishedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["PublishOutOfOrder"].ID.Bytes()[:4]) {
		return batchLedger.UnpackPublishOutOfOrderError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["RoleNotAllowed"].ID.Bytes()[:4]) {
		return batchLedger.UnpackRoleNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["ShipmentNotAllowed"].ID.Bytes()[:4]) {
		return batchLedger.UnpackShipmentNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["ShipmentNotPending"].ID.Bytes()[:4]) {
		return batchLedger.UnpackShipmentNotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["TooManyPacks"].ID.Bytes()[:4]) {
		return batchLedger.UnpackTooManyPacksError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["UndoByOtherActor"].ID.Bytes()[:4]) {
		return batchLedger.UnpackUndoByOtherActorError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["UndoNotAllowed"].ID.Bytes()[:4]) {
		return batchLedger.UnpackUndoNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["UndoWindowClosed"].ID.Bytes()[:4]) {
		return batchLedger.UnpackUndoWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["UnknownBatch"].ID.Bytes()[:4]) {
		return batchLedger.UnpackUnknownBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchLedger.abi.Errors["UnknownShipment"].ID.Bytes()[:4]) {
		return batchLedger.UnpackUnknownShipmentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// BatchLedgerAlreadyDecommissioned represents a AlreadyDecommissioned error raised by the BatchLedger contract.
type BatchLedgerAlreadyDecommissioned struct {
	BatchId [32]byte
	PackId  [32]byte
	Actor   common.Address
	Reason  uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyDecommissioned(bytes32 batchId, bytes32 packId, address actor, uint8 reason)
func BatchLedgerAlreadyDecommissionedErrorID() common.Hash {
	return common.HexToHash("0xd09c54cb624572b64f5615d8941d43c213a81127d24da5a8daac9d0ac2735872")
}

// UnpackAlreadyDecommissionedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyDecommissioned(bytes32 batchId, bytes32 packId, address actor, uint8 reason)
func (batchLedger *BatchLedger) UnpackAlreadyDecommissionedError(raw []byte) (*BatchLedgerAlreadyDecommissioned, error) {
	out := new(BatchLedgerAlreadyDecommissioned)
	if err := batchLedger.abi.UnpackIntoInterface(out, "AlreadyDecommissioned", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerAlreadyRecalled represents a AlreadyRecalled error raised by the BatchLedger contract.
type BatchLedgerAlreadyRecalled struct {
	BatchId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRecalled(bytes32 batchId)
func BatchLedgerAlreadyRecalledErrorID() common.Hash {
	return common.HexToHash("0xd34d785eb4767aa3eb935e29c1701f387e740766c2572584a65cb524f860f99b")
}

// UnpackAlreadyRecalledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRecalled(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackAlreadyRecalledError(raw []byte) (*BatchLedgerAlreadyRecalled, error) {
	out := new(BatchLedgerAlreadyRecalled)
	if err := batchLedger.abi.UnpackIntoInterface(out, "AlreadyRecalled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerBatchExists represents a BatchExists error raised by the BatchLedger contract.
type BatchLedgerBatchExists struct {
	BatchId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchExists(bytes32 batchId)
func BatchLedgerBatchExistsErrorID() common.Hash {
	return common.HexToHash("0x8367361d8e9a2335080938899324ecaa8c549dba66648f0502c1cbe69c534b65")
}

// UnpackBatchExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchExists(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackBatchExistsError(raw []byte) (*BatchLedgerBatchExists, error) {
	out := new(BatchLedgerBatchExists)
	if err := batchLedger.abi.UnpackIntoInterface(out, "BatchExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerBatchIsExpired represents a BatchIsExpired error raised by the BatchLedger contract.
type BatchLedgerBatchIsExpired struct {
	BatchId   [32]byte
	ExpiryDay uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchIsExpired(bytes32 batchId, uint32 expiryDay)
func BatchLedgerBatchIsExpiredErrorID() common.Hash {
	return common.HexToHash("0x5a79cc93c1992fefe8e22d05237c5fc3bc190c623463d4506ade8b54ff7d7dff")
}

// UnpackBatchIsExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchIsExpired(bytes32 batchId, uint32 expiryDay)
func (batchLedger *BatchLedger) UnpackBatchIsExpiredError(raw []byte) (*BatchLedgerBatchIsExpired, error) {
	out := new(BatchLedgerBatchIsExpired)
	if err := batchLedger.abi.UnpackIntoInterface(out, "BatchIsExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerBatchIsRecalled represents a BatchIsRecalled error raised by the BatchLedger contract.
type BatchLedgerBatchIsRecalled struct {
	BatchId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchIsRecalled(bytes32 batchId)
func BatchLedgerBatchIsRecalledErrorID() common.Hash {
	return common.HexToHash("0x2eb375d99ccfd162b0029881e30d01d0c9fb51ca5a3bde0f751f34d61817991a")
}

// UnpackBatchIsRecalledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchIsRecalled(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackBatchIsRecalledError(raw []byte) (*BatchLedgerBatchIsRecalled, error) {
	out := new(BatchLedgerBatchIsRecalled)
	if err := batchLedger.abi.UnpackIntoInterface(out, "BatchIsRecalled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInactiveParticipant represents a InactiveParticipant error raised by the BatchLedger contract.
type BatchLedgerInactiveParticipant struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InactiveParticipant(address account)
func BatchLedgerInactiveParticipantErrorID() common.Hash {
	return common.HexToHash("0x4743fb66fc2a9da09a65bc4f5b6b11f6c21dcc5cada0a315f188b13c8fe84cd2")
}

// UnpackInactiveParticipantError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InactiveParticipant(address account)
func (batchLedger *BatchLedger) UnpackInactiveParticipantError(raw []byte) (*BatchLedgerInactiveParticipant, error) {
	out := new(BatchLedgerInactiveParticipant)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InactiveParticipant", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInsufficientStock represents a InsufficientStock error raised by the BatchLedger contract.
type BatchLedgerInsufficientStock struct {
	BatchId   [32]byte
	Holder    common.Address
	Available *big.Int
	Requested *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientStock(bytes32 batchId, address holder, uint256 available, uint256 requested)
func BatchLedgerInsufficientStockErrorID() common.Hash {
	return common.HexToHash("0xe21079c82b6db54001cb4c532080ffdff4c2193ba12c00bd29463a1500454fd6")
}

// UnpackInsufficientStockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientStock(bytes32 batchId, address holder, uint256 available, uint256 requested)
func (batchLedger *BatchLedger) UnpackInsufficientStockError(raw []byte) (*BatchLedgerInsufficientStock, error) {
	out := new(BatchLedgerInsufficientStock)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InsufficientStock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidExpiry represents a InvalidExpiry error raised by the BatchLedger contract.
type BatchLedgerInvalidExpiry struct {
	ExpiryDay uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidExpiry(uint32 expiryDay)
func BatchLedgerInvalidExpiryErrorID() common.Hash {
	return common.HexToHash("0xdf50ccfecb6b5e02be1b2ae9770a1a621f3ce30e273f4b6b1c0d13a34f8b7a42")
}

// UnpackInvalidExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidExpiry(uint32 expiryDay)
func (batchLedger *BatchLedger) UnpackInvalidExpiryError(raw []byte) (*BatchLedgerInvalidExpiry, error) {
	out := new(BatchLedgerInvalidExpiry)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidLot represents a InvalidLot error raised by the BatchLedger contract.
type BatchLedgerInvalidLot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLot()
func BatchLedgerInvalidLotErrorID() common.Hash {
	return common.HexToHash("0xa765b228fe12c9fd1b3a1e9aba8eeff09429f19682f347e6b18c15ab9f79334a")
}

// UnpackInvalidLotError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLot()
func (batchLedger *BatchLedger) UnpackInvalidLotError(raw []byte) (*BatchLedgerInvalidLot, error) {
	out := new(BatchLedgerInvalidLot)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidLot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidPacksRoot represents a InvalidPacksRoot error raised by the BatchLedger contract.
type BatchLedgerInvalidPacksRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPacksRoot()
func BatchLedgerInvalidPacksRootErrorID() common.Hash {
	return common.HexToHash("0xbf8ec359a9cd6c54ac3373669d7ba50d6e7fb7e11313bc55c9cf72f3c380e8c4")
}

// UnpackInvalidPacksRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPacksRoot()
func (batchLedger *BatchLedger) UnpackInvalidPacksRootError(raw []byte) (*BatchLedgerInvalidPacksRoot, error) {
	out := new(BatchLedgerInvalidPacksRoot)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidPacksRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidProof represents a InvalidProof error raised by the BatchLedger contract.
type BatchLedgerInvalidProof struct {
	BatchId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof(bytes32 batchId)
func BatchLedgerInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x47f66a558ac8db87f5142bc656e7a9bf511c6bd4ed2d8db24247bcdb01d880a2")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackInvalidProofError(raw []byte) (*BatchLedgerInvalidProof, error) {
	out := new(BatchLedgerInvalidProof)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidQuantity represents a InvalidQuantity error raised by the BatchLedger contract.
type BatchLedgerInvalidQuantity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidQuantity()
func BatchLedgerInvalidQuantityErrorID() common.Hash {
	return common.HexToHash("0x524f409bdec2f80be9fb1cf1d5797595fe8b3032ea2b066e2d16133a68242b79")
}

// UnpackInvalidQuantityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidQuantity()
func (batchLedger *BatchLedger) UnpackInvalidQuantityError(raw []byte) (*BatchLedgerInvalidQuantity, error) {
	out := new(BatchLedgerInvalidQuantity)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidQuantity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerInvalidReason represents a InvalidReason error raised by the BatchLedger contract.
type BatchLedgerInvalidReason struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidReason()
func BatchLedgerInvalidReasonErrorID() common.Hash {
	return common.HexToHash("0xdee26e4cfeb12c7edc10c09d017dac9298687905f39eb87ccd245e7042e8f198")
}

// UnpackInvalidReasonError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidReason()
func (batchLedger *BatchLedger) UnpackInvalidReasonError(raw []byte) (*BatchLedgerInvalidReason, error) {
	out := new(BatchLedgerInvalidReason)
	if err := batchLedger.abi.UnpackIntoInterface(out, "InvalidReason", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerMerkleProofInvalidMultiproof represents a MerkleProofInvalidMultiproof error raised by the BatchLedger contract.
type BatchLedgerMerkleProofInvalidMultiproof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MerkleProofInvalidMultiproof()
func BatchLedgerMerkleProofInvalidMultiproofErrorID() common.Hash {
	return common.HexToHash("0x351404920163d662c9e55a2ededa2a037e643758bbfddef8b612fa4d17ed11ea")
}

// UnpackMerkleProofInvalidMultiproofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MerkleProofInvalidMultiproof()
func (batchLedger *BatchLedger) UnpackMerkleProofInvalidMultiproofError(raw []byte) (*BatchLedgerMerkleProofInvalidMultiproof, error) {
	out := new(BatchLedgerMerkleProofInvalidMultiproof)
	if err := batchLedger.abi.UnpackIntoInterface(out, "MerkleProofInvalidMultiproof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerNotBatchManufacturer represents a NotBatchManufacturer error raised by the BatchLedger contract.
type BatchLedgerNotBatchManufacturer struct {
	BatchId [32]byte
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotBatchManufacturer(bytes32 batchId, address account)
func BatchLedgerNotBatchManufacturerErrorID() common.Hash {
	return common.HexToHash("0xa30d04e34eb3e4a5ea1069d5a67e4ee14347f542555b2abf0a59fe07a96422dc")
}

// UnpackNotBatchManufacturerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotBatchManufacturer(bytes32 batchId, address account)
func (batchLedger *BatchLedger) UnpackNotBatchManufacturerError(raw []byte) (*BatchLedgerNotBatchManufacturer, error) {
	out := new(BatchLedgerNotBatchManufacturer)
	if err := batchLedger.abi.UnpackIntoInterface(out, "NotBatchManufacturer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerNotDecommissioned represents a NotDecommissioned error raised by the BatchLedger contract.
type BatchLedgerNotDecommissioned struct {
	BatchId [32]byte
	PackId  [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotDecommissioned(bytes32 batchId, bytes32 packId)
func BatchLedgerNotDecommissionedErrorID() common.Hash {
	return common.HexToHash("0xe3998f59375067fb799028ac192bd5db3a5060716d2a0bbe492eea0ae1746e87")
}

// UnpackNotDecommissionedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotDecommissioned(bytes32 batchId, bytes32 packId)
func (batchLedger *BatchLedger) UnpackNotDecommissionedError(raw []byte) (*BatchLedgerNotDecommissioned, error) {
	out := new(BatchLedgerNotDecommissioned)
	if err := batchLedger.abi.UnpackIntoInterface(out, "NotDecommissioned", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerNotProductOwner represents a NotProductOwner error raised by the BatchLedger contract.
type BatchLedgerNotProductOwner struct {
	Gtin    uint64
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotProductOwner(uint64 gtin, address account)
func BatchLedgerNotProductOwnerErrorID() common.Hash {
	return common.HexToHash("0x9d188e6fc3220f1cc4993572bd3c70fd5dae8f96e73851cc3860de2020b4ee72")
}

// UnpackNotProductOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotProductOwner(uint64 gtin, address account)
func (batchLedger *BatchLedger) UnpackNotProductOwnerError(raw []byte) (*BatchLedgerNotProductOwner, error) {
	out := new(BatchLedgerNotProductOwner)
	if err := batchLedger.abi.UnpackIntoInterface(out, "NotProductOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerNotShipmentReceiver represents a NotShipmentReceiver error raised by the BatchLedger contract.
type BatchLedgerNotShipmentReceiver struct {
	ShipmentId *big.Int
	Account    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotShipmentReceiver(uint256 shipmentId, address account)
func BatchLedgerNotShipmentReceiverErrorID() common.Hash {
	return common.HexToHash("0xe586ca1af261106640f37400f544f00eca1e5427642f11f427d15505aaa19149")
}

// UnpackNotShipmentReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotShipmentReceiver(uint256 shipmentId, address account)
func (batchLedger *BatchLedger) UnpackNotShipmentReceiverError(raw []byte) (*BatchLedgerNotShipmentReceiver, error) {
	out := new(BatchLedgerNotShipmentReceiver)
	if err := batchLedger.abi.UnpackIntoInterface(out, "NotShipmentReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerNotShipmentSender represents a NotShipmentSender error raised by the BatchLedger contract.
type BatchLedgerNotShipmentSender struct {
	ShipmentId *big.Int
	Account    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotShipmentSender(uint256 shipmentId, address account)
func BatchLedgerNotShipmentSenderErrorID() common.Hash {
	return common.HexToHash("0xbcb23f554fe83cd8586202bb0a087f23d696e601eb7f7155f8553a9d43c06b20")
}

// UnpackNotShipmentSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotShipmentSender(uint256 shipmentId, address account)
func (batchLedger *BatchLedger) UnpackNotShipmentSenderError(raw []byte) (*BatchLedgerNotShipmentSender, error) {
	out := new(BatchLedgerNotShipmentSender)
	if err := batchLedger.abi.UnpackIntoInterface(out, "NotShipmentSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerPacksNotPublished represents a PacksNotPublished error raised by the BatchLedger contract.
type BatchLedgerPacksNotPublished struct {
	BatchId   [32]byte
	Published uint32
	Quantity  uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PacksNotPublished(bytes32 batchId, uint32 published, uint32 quantity)
func BatchLedgerPacksNotPublishedErrorID() common.Hash {
	return common.HexToHash("0x07b36bc2a615a8cfa9c71a09df5e91051ff58ba9dc8154072904e5ffa9675a82")
}

// UnpackPacksNotPublishedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PacksNotPublished(bytes32 batchId, uint32 published, uint32 quantity)
func (batchLedger *BatchLedger) UnpackPacksNotPublishedError(raw []byte) (*BatchLedgerPacksNotPublished, error) {
	out := new(BatchLedgerPacksNotPublished)
	if err := batchLedger.abi.UnpackIntoInterface(out, "PacksNotPublished", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerPublishOutOfOrder represents a PublishOutOfOrder error raised by the BatchLedger contract.
type BatchLedgerPublishOutOfOrder struct {
	BatchId  [32]byte
	Expected uint32
	Offset   uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublishOutOfOrder(bytes32 batchId, uint32 expected, uint32 offset)
func BatchLedgerPublishOutOfOrderErrorID() common.Hash {
	return common.HexToHash("0xcbd18de4fe8f7aeba95bc57f1389ccd68595d45259b317fa326cecd101d33387")
}

// UnpackPublishOutOfOrderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublishOutOfOrder(bytes32 batchId, uint32 expected, uint32 offset)
func (batchLedger *BatchLedger) UnpackPublishOutOfOrderError(raw []byte) (*BatchLedgerPublishOutOfOrder, error) {
	out := new(BatchLedgerPublishOutOfOrder)
	if err := batchLedger.abi.UnpackIntoInterface(out, "PublishOutOfOrder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerRoleNotAllowed represents a RoleNotAllowed error raised by the BatchLedger contract.
type BatchLedgerRoleNotAllowed struct {
	Account common.Address
	Role    uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoleNotAllowed(address account, uint8 role)
func BatchLedgerRoleNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x9f3a48db59bde0892fec6c4c266cb83027b29ebe525d599d6b859c42ea26b70f")
}

// UnpackRoleNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoleNotAllowed(address account, uint8 role)
func (batchLedger *BatchLedger) UnpackRoleNotAllowedError(raw []byte) (*BatchLedgerRoleNotAllowed, error) {
	out := new(BatchLedgerRoleNotAllowed)
	if err := batchLedger.abi.UnpackIntoInterface(out, "RoleNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerShipmentNotAllowed represents a ShipmentNotAllowed error raised by the BatchLedger contract.
type BatchLedgerShipmentNotAllowed struct {
	FromRole uint8
	ToRole   uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ShipmentNotAllowed(uint8 fromRole, uint8 toRole)
func BatchLedgerShipmentNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x74e36de1f3c5caf7e64dd8cec83c779d92c32fba6b5bd5ead28a8f16f863518d")
}

// UnpackShipmentNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ShipmentNotAllowed(uint8 fromRole, uint8 toRole)
func (batchLedger *BatchLedger) UnpackShipmentNotAllowedError(raw []byte) (*BatchLedgerShipmentNotAllowed, error) {
	out := new(BatchLedgerShipmentNotAllowed)
	if err := batchLedger.abi.UnpackIntoInterface(out, "ShipmentNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerShipmentNotPending represents a ShipmentNotPending error raised by the BatchLedger contract.
type BatchLedgerShipmentNotPending struct {
	ShipmentId *big.Int
	Status     uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ShipmentNotPending(uint256 shipmentId, uint8 status)
func BatchLedgerShipmentNotPendingErrorID() common.Hash {
	return common.HexToHash("0xb40250403f8db2843065809884b716e304082ad17314966fca34e04188bb33e9")
}

// UnpackShipmentNotPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ShipmentNotPending(uint256 shipmentId, uint8 status)
func (batchLedger *BatchLedger) UnpackShipmentNotPendingError(raw []byte) (*BatchLedgerShipmentNotPending, error) {
	out := new(BatchLedgerShipmentNotPending)
	if err := batchLedger.abi.UnpackIntoInterface(out, "ShipmentNotPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerTooManyPacks represents a TooManyPacks error raised by the BatchLedger contract.
type BatchLedgerTooManyPacks struct {
	BatchId  [32]byte
	Quantity uint32
	End      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyPacks(bytes32 batchId, uint32 quantity, uint256 end)
func BatchLedgerTooManyPacksErrorID() common.Hash {
	return common.HexToHash("0xfec4e27089d92dc0d93296bdf186e49fc2a3dccd920bba394601734f46a62758")
}

// UnpackTooManyPacksError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyPacks(bytes32 batchId, uint32 quantity, uint256 end)
func (batchLedger *BatchLedger) UnpackTooManyPacksError(raw []byte) (*BatchLedgerTooManyPacks, error) {
	out := new(BatchLedgerTooManyPacks)
	if err := batchLedger.abi.UnpackIntoInterface(out, "TooManyPacks", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerUndoByOtherActor represents a UndoByOtherActor error raised by the BatchLedger contract.
type BatchLedgerUndoByOtherActor struct {
	BatchId [32]byte
	PackId  [32]byte
	Actor   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UndoByOtherActor(bytes32 batchId, bytes32 packId, address actor)
func BatchLedgerUndoByOtherActorErrorID() common.Hash {
	return common.HexToHash("0x13d3aa365c41868aaf4ee149a177814ef2f8bb0df5884d5873604452b0e9f49b")
}

// UnpackUndoByOtherActorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UndoByOtherActor(bytes32 batchId, bytes32 packId, address actor)
func (batchLedger *BatchLedger) UnpackUndoByOtherActorError(raw []byte) (*BatchLedgerUndoByOtherActor, error) {
	out := new(BatchLedgerUndoByOtherActor)
	if err := batchLedger.abi.UnpackIntoInterface(out, "UndoByOtherActor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerUndoNotAllowed represents a UndoNotAllowed error raised by the BatchLedger contract.
type BatchLedgerUndoNotAllowed struct {
	BatchId [32]byte
	PackId  [32]byte
	Reason  uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UndoNotAllowed(bytes32 batchId, bytes32 packId, uint8 reason)
func BatchLedgerUndoNotAllowedErrorID() common.Hash {
	return common.HexToHash("0xa9e5a1c12d20163d23039bd265416b555635c002224976b297ec7693174521bd")
}

// UnpackUndoNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UndoNotAllowed(bytes32 batchId, bytes32 packId, uint8 reason)
func (batchLedger *BatchLedger) UnpackUndoNotAllowedError(raw []byte) (*BatchLedgerUndoNotAllowed, error) {
	out := new(BatchLedgerUndoNotAllowed)
	if err := batchLedger.abi.UnpackIntoInterface(out, "UndoNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerUndoWindowClosed represents a UndoWindowClosed error raised by the BatchLedger contract.
type BatchLedgerUndoWindowClosed struct {
	BatchId          [32]byte
	PackId           [32]byte
	DecommissionedAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UndoWindowClosed(bytes32 batchId, bytes32 packId, uint40 decommissionedAt)
func BatchLedgerUndoWindowClosedErrorID() common.Hash {
	return common.HexToHash("0xb6f4d04649946e9b1f2a7f640d5a16ad2216e2446ff219528cac63cb9e4050b9")
}

// UnpackUndoWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UndoWindowClosed(bytes32 batchId, bytes32 packId, uint40 decommissionedAt)
func (batchLedger *BatchLedger) UnpackUndoWindowClosedError(raw []byte) (*BatchLedgerUndoWindowClosed, error) {
	out := new(BatchLedgerUndoWindowClosed)
	if err := batchLedger.abi.UnpackIntoInterface(out, "UndoWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerUnknownBatch represents a UnknownBatch error raised by the BatchLedger contract.
type BatchLedgerUnknownBatch struct {
	BatchId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownBatch(bytes32 batchId)
func BatchLedgerUnknownBatchErrorID() common.Hash {
	return common.HexToHash("0x877402b0f02e72a5570fa6dee6c9f72e5c506af7dabe7cf05e71286795af739f")
}

// UnpackUnknownBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownBatch(bytes32 batchId)
func (batchLedger *BatchLedger) UnpackUnknownBatchError(raw []byte) (*BatchLedgerUnknownBatch, error) {
	out := new(BatchLedgerUnknownBatch)
	if err := batchLedger.abi.UnpackIntoInterface(out, "UnknownBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchLedgerUnknownShipment represents a UnknownShipment error raised by the BatchLedger contract.
type BatchLedgerUnknownShipment struct {
	ShipmentId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownShipment(uint256 shipmentId)
func BatchLedgerUnknownShipmentErrorID() common.Hash {
	return common.HexToHash("0x546a11428a9af3c094ff34da3ca41b127e0b4b64f064f87df9cf1dfbd373d4bf")
}

// UnpackUnknownShipmentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownShipment(uint256 shipmentId)
func (batchLedger *BatchLedger) UnpackUnknownShipmentError(raw []byte) (*BatchLedgerUnknownShipment, error) {
	out := new(BatchLedgerUnknownShipment)
	if err := batchLedger.abi.UnpackIntoInterface(out, "UnknownShipment", raw); err != nil {
		return nil, err
	}
	return out, nil
}
