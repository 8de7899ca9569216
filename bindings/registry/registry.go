// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package registry

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

// RegistryParticipant is an auto generated low-level Go binding around an user-defined struct.
type RegistryParticipant struct {
	Role   uint8
	Active bool
	Gln    uint64
}

// RegistryMetaData contains all meta data concerning the Registry contract.
var RegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyInactive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"CannotDeactivateSelf\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DirectRoleChangeRefused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"GLNInUse\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InactiveParticipant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"}],\"name\":\"InvalidGLN\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"}],\"name\":\"InvalidGTIN\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPackSize\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidRole\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ProductExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"enumRegistry.Role\",\"name\":\"role\",\"type\":\"uint8\"}],\"name\":\"RoleNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"}],\"name\":\"UnknownProduct\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"ParticipantDeactivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumRegistry.Role\",\"name\":\"role\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"ParticipantRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"strength\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"form\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"packSize\",\"type\":\"uint32\"}],\"name\":\"ProductRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"ProductTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DISTRIBUTOR_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MANUFACTURER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PHARMACY_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REGULATOR_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"}],\"name\":\"accountOfGLN\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"deactivateParticipant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"participant\",\"outputs\":[{\"components\":[{\"internalType\":\"enumRegistry.Role\",\"name\":\"role\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"}],\"internalType\":\"structRegistry.Participant\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"}],\"name\":\"productOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"enumRegistry.Role\",\"name\":\"role\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"gln\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"registerParticipant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"strength\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"form\",\"type\":\"string\"},{\"internalType\":\"uint32\",\"name\":\"packSize\",\"type\":\"uint32\"}],\"name\":\"registerProduct\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"roleOf\",\"outputs\":[{\"internalType\":\"enumRegistry.Role\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gtin\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"transferProduct\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Registry",
	Bin: "0x608060405234801561000f575f5ffd5b5060405161185638038061185683398101604081905261002e9161052b565b60025b6004811161007b57610069610056826004811115610051576100516105fa565b6100a7565b5f5160206118365f395f51905f5261017c565b806100738161060e565b915050610031565b506100935f5160206118365f395f51905f528061017c565b6100a033600184846101c6565b5050610699565b5f60018260048111156100bc576100bc6105fa565b036100d557505f5160206118365f395f51905f52919050565b60028260048111156100e9576100e96105fa565b0361011557507f6eaf8bc4726e51957c1c7240fc719d0331043761fc70e930f19eff8ef8eefb57919050565b6003826004811115610129576101296105fa565b0361015557507f394d4e2f831aba6a7b8f9320741c06011e0d46b117e453d7da3c7239fbf98c02919050565b507f9d1080663d1aef71401ad980102e962cdb8bd1580d37134d5f5377d381c8fb3b919050565b5f82815260208190526040808220600101805490849055905190918391839186917fbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff9190a4505050565b6001600160a01b0384166101ed5760405163d92e233d60e01b815260040160405180910390fd5b5f836004811115610200576102006105fa565b0361021e57604051636caa20b560e11b815260040160405180910390fd5b6001600160401b038216158061024257506509184e729fff6001600160401b038316115b15610270576040516314f4708160e11b81526001600160401b03831660048201526024015b60405180910390fd5b6001600160a01b0384165f9081526001602052604081205460ff16600481111561029c5761029c6105fa565b146102c5576040516345ed80e960e01b81526001600160a01b0385166004820152602401610267565b6001600160401b0382165f908152600260205260409020546001600160a01b0316801561031f5760405163f6d12e3560e01b81526001600160401b03841660048201526001600160a01b0382166024820152604401610267565b604051806060016040528085600481111561033c5761033c6105fa565b8152600160208083018290526001600160401b0387166040938401526001600160a01b0389165f90815290829052919091208251815491929091839160ff1990911690836004811115610391576103916105fa565b02179055506020828101518254604094850151610100600160501b03199091166101009215159290920262010000600160501b03191691909117620100006001600160401b0392831602179092559085165f90815260029091522080546001600160a01b0319166001600160a01b038716179055610417610411856100a7565b8661046e565b50336001600160a01b0316856001600160a01b03167f5bffa1b0f26f5d485e6d8b47f40cff5f44fe0c1ff5d6f379e0684a2a44eef72186868660405161045f93929190610632565b60405180910390a35050505050565b5f828152602081815260408083206001600160a01b038516845290915281205460ff1661050e575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556104c63390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610511565b505f5b92915050565b634e487b7160e01b5f52604160045260245ffd5b5f5f6040838503121561053c575f5ffd5b82516001600160401b0381168114610552575f5ffd5b60208401519092506001600160401b0381111561056d575f5ffd5b8301601f8101851361057d575f5ffd5b80516001600160401b0381111561059657610596610517565b604051601f8201601f19908116603f011681016001600160401b03811182821017156105c4576105c4610517565b6040528181528282016020018710156105db575f5ffd5b8160208401602083015e5f602083830101528093505050509250929050565b634e487b7160e01b5f52602160045260245ffd5b5f6001820161062b57634e487b7160e01b5f52601160045260245ffd5b5060010190565b5f6005851061064f57634e487b7160e01b5f52602160045260245ffd5b84825260018060401b03841660208301526060604083015282518060608401528060208501608085015e5f608082850101526080601f19601f830116840101915050949350505050565b611190806106a65f395ff3fe608060405234801561000f575f5ffd5b506004361061011c575f3560e01c8063965288b0116100a9578063d547741f1161006e578063d547741f1461020a578063de97b81c146102c2578063e228765e146102d5578063f0bd87cc146102e8578063f0c58ea71461030f575f5ffd5b8063965288b014610230578063a217fddf14610257578063a384ce771461025e578063a5d7827e1461028f578063bcd2a22a146102af575f5ffd5b80632605b3c7116100ef5780632605b3c7146101d55780632f18eddd146101f55780632f2ff15d1461020a57806336568abe1461020a57806391d148541461021d575f5ffd5b806301ffc9a7146101205780630a36ca4f14610148578063144bf58914610191578063248a9ca3146101b3575b5f5ffd5b61013361012e366004610d95565b610336565b60405190151581526020015b60405180910390f35b610179610156366004610dd7565b6001600160401b03165f908152600360205260409020546001600160a01b031690565b6040516001600160a01b03909116815260200161013f565b6101a55f5160206111705f395f51905f5281565b60405190815260200161013f565b6101a56101c1366004610df0565b5f9081526020819052604090206001015490565b6101e86101e3366004610e1d565b61036c565b60405161013f9190610e6a565b610208610203366004610ee5565b610401565b005b610208610218366004610f5a565b610461565b61013361022b366004610f5a565b61047a565b6101a57f6eaf8bc4726e51957c1c7240fc719d0331043761fc70e930f19eff8ef8eefb5781565b6101a55f81565b61017961026c366004610dd7565b6001600160401b03165f908152600260205260409020546001600160a01b031690565b6102a261029d366004610e1d565b6104a2565b60405161013f9190610f84565b6102086102bd366004610f92565b6104da565b6102086102d0366004610e1d565b6105c1565b6102086102e3366004610fba565b6106e5565b6101a57f394d4e2f831aba6a7b8f9320741c06011e0d46b117e453d7da3c7239fbf98c0281565b6101a57f9d1080663d1aef71401ad980102e962cdb8bd1580d37134d5f5377d381c8fb3b81565b5f6001600160e01b03198216637965db0b60e01b148061036657506301ffc9a760e01b6001600160e01b03198316145b92915050565b604080516060810182525f80825260208201819052918101919091526001600160a01b0382165f90815260016020526040908190208151606081019092528054829060ff1660048111156103c2576103c2610e36565b60048111156103d3576103d3610e36565b81529054610100810460ff16151560208301526201000090046001600160401b031660409091015292915050565b5f5160206111705f395f51905f526104188161083a565b61045986868686868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061084792505050565b505050505050565b60405163feecd4b760e01b815260040160405180910390fd5b5f918252602082815260408084206001600160a01b0393909316845291905290205460ff1690565b6001600160a01b0381165f9081526001602052604081208054610100900460ff166104cd575f6104d3565b805460ff165b9392505050565b5f5160206111705f395f51905f526104f18161083a565b6001600160401b0383165f908152600360205260409020546001600160a01b0316806105405760405163d206504360e01b81526001600160401b03851660048201526024015b60405180910390fd5b61054b836002610aed565b6001600160401b0384165f8181526003602090815260409182902080546001600160a01b0319166001600160a01b03888116918217909255925133815292939085169290917f65d5157f09e9145b8b304d0d81a76659e5115a592967af73a3433b20362431f5910160405180910390a450505050565b5f5160206111705f395f51905f526105d88161083a565b6001600160a01b0382165f90815260016020526040812090815460ff16600481111561060657610606610e36565b0361062f5760405163bfc6c33760e01b81526001600160a01b0384166004820152602401610537565b8054610100900460ff1661066157604051633d0e40c160e21b81526001600160a01b0384166004820152602401610537565b336001600160a01b0384160361068a57604051636b262fa360e01b815260040160405180910390fd5b805461ff0019811682556106aa906106a49060ff16610b8b565b84610c60565b5060405133906001600160a01b038516907f340fa5fa42211eff6bb6a3ee10e4ee8cd93e703f3cece33224c9e59844373a26905f90a3505050565b6106f0336002610aed565b6001600160401b03881615806107145750655af3107a3fff6001600160401b038916115b1561073d5760405163e285d73960e01b81526001600160401b0389166004820152602401610537565b8063ffffffff165f0361076357604051636c6914eb60e01b815260040160405180910390fd5b6001600160401b0388165f908152600360205260409020546001600160a01b031680156107bd5760405163018319d360e71b81526001600160401b038a1660048201526001600160a01b0382166024820152604401610537565b6001600160401b0389165f818152600360205260409081902080546001600160a01b0319163390811790915590519091907ff8275c37207b4f01e5990c0a9f056ec190d8586028636c3aa8d8926a04a681fb90610827908c908c908c908c908c908c908c906110a9565b60405180910390a3505050505050505050565b6108448133610cd0565b50565b6001600160a01b03841661086e5760405163d92e233d60e01b815260040160405180910390fd5b5f83600481111561088157610881610e36565b0361089f57604051636caa20b560e11b815260040160405180910390fd5b6001600160401b03821615806108c357506509184e729fff6001600160401b038316115b156108ec576040516314f4708160e11b81526001600160401b0383166004820152602401610537565b6001600160a01b0384165f9081526001602052604081205460ff16600481111561091857610918610e36565b14610941576040516345ed80e960e01b81526001600160a01b0385166004820152602401610537565b6001600160401b0382165f908152600260205260409020546001600160a01b0316801561099b5760405163f6d12e3560e01b81526001600160401b03841660048201526001600160a01b0382166024820152604401610537565b60405180606001604052808560048111156109b8576109b8610e36565b8152600160208083018290526001600160401b0387166040938401526001600160a01b0389165f90815290829052919091208251815491929091839160ff1990911690836004811115610a0d57610a0d610e36565b0217905550602082810151825460409485015169ffffffffffffffffff00199091166101009215159290920269ffffffffffffffff0000191691909117620100006001600160401b0392831602179092559085165f90815260029091522080546001600160a01b0319166001600160a01b038716179055610a96610a9085610b8b565b86610d0d565b50336001600160a01b0316856001600160a01b03167f5bffa1b0f26f5d485e6d8b47f40cff5f44fe0c1ff5d6f379e0684a2a44eef721868686604051610ade939291906110ff565b60405180910390a35050505050565b6001600160a01b0382165f9081526001602052604090208054610100900460ff16610b36576040516323a1fdb360e11b81526001600160a01b0384166004820152602401610537565b816004811115610b4857610b48610e36565b815460ff166004811115610b5e57610b5e610e36565b14610b86578054604051639f3a48db60e01b815261053791859160ff90911690600401611152565b505050565b5f6001826004811115610ba057610ba0610e36565b03610bb957505f5160206111705f395f51905f52919050565b6002826004811115610bcd57610bcd610e36565b03610bf957507f6eaf8bc4726e51957c1c7240fc719d0331043761fc70e930f19eff8ef8eefb57919050565b6003826004811115610c0d57610c0d610e36565b03610c3957507f394d4e2f831aba6a7b8f9320741c06011e0d46b117e453d7da3c7239fbf98c02919050565b507f9d1080663d1aef71401ad980102e962cdb8bd1580d37134d5f5377d381c8fb3b919050565b5f610c6b838361047a565b15610cc9575f838152602081815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610366565b505f610366565b610cda828261047a565b610d095760405163e2517d3f60e01b81526001600160a01b038216600482015260248101839052604401610537565b5050565b5f610d18838361047a565b610cc9575f838152602081815260408083206001600160a01b03861684529091529020805460ff19166001179055610d4d3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610366565b5f60208284031215610da5575f5ffd5b81356001600160e01b0319811681146104d3575f5ffd5b80356001600160401b0381168114610dd2575f5ffd5b919050565b5f60208284031215610de7575f5ffd5b6104d382610dbc565b5f60208284031215610e00575f5ffd5b5035919050565b80356001600160a01b0381168114610dd2575f5ffd5b5f60208284031215610e2d575f5ffd5b6104d382610e07565b634e487b7160e01b5f52602160045260245ffd5b60058110610e6657634e487b7160e01b5f52602160045260245ffd5b9052565b5f606082019050610e7c828451610e4a565b6020830151151560208301526001600160401b03604084015116604083015292915050565b5f5f83601f840112610eb1575f5ffd5b5081356001600160401b03811115610ec7575f5ffd5b602083019150836020828501011115610ede575f5ffd5b9250929050565b5f5f5f5f5f60808688031215610ef9575f5ffd5b610f0286610e07565b9450602086013560058110610f15575f5ffd5b9350610f2360408701610dbc565b925060608601356001600160401b03811115610f3d575f5ffd5b610f4988828901610ea1565b969995985093965092949392505050565b5f5f60408385031215610f6b575f5ffd5b82359150610f7b60208401610e07565b90509250929050565b602081016103668284610e4a565b5f5f60408385031215610fa3575f5ffd5b610fac83610dbc565b9150610f7b60208401610e07565b5f5f5f5f5f5f5f5f60a0898b031215610fd1575f5ffd5b610fda89610dbc565b975060208901356001600160401b03811115610ff4575f5ffd5b6110008b828c01610ea1565b90985096505060408901356001600160401b0381111561101e575f5ffd5b61102a8b828c01610ea1565b90965094505060608901356001600160401b03811115611048575f5ffd5b6110548b828c01610ea1565b909450925050608089013563ffffffff81168114611070575f5ffd5b809150509295985092959890939650565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b608081525f6110bc60808301898b611081565b82810360208401526110cf81888a611081565b905082810360408401526110e4818688611081565b91505063ffffffff8316606083015298975050505050505050565b6111098185610e4a565b6001600160401b0383166020820152606060408201525f82518060608401528060208501608085015e5f608082850101526080601f19601f830116840101915050949350505050565b6001600160a01b0383168152604081016104d36020830184610e4a56fe34ddfa2f5b38c96224a728784b5bc93b54e4ce63c2f57a538d8f127bebb7e17d34ddfa2f5b38c96224a728784b5bc93b54e4ce63c2f57a538d8f127bebb7e17d",
}

// Registry is an auto generated Go binding around an Ethereum contract.
type Registry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Registry) GetABI() abi.ABI {
	return c.abi
}

// NewRegistry creates a new instance of Registry.
func NewRegistry() *Registry {
	parsed, err := RegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Registry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Registry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint64 gln, string name) returns()
func (registry *Registry) PackConstructor(gln uint64, name string) []byte {
	enc, err := registry.abi.Pack("", gln, name)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (registry *Registry) PackDEFAULTADMINROLE() []byte {
	enc, err := registry.abi.Pack("DEFAULT_ADMIN_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (registry *Registry) TryPackDEFAULTADMINROLE() ([]byte, error) {
	return registry.abi.Pack("DEFAULT_ADMIN_ROLE")
}

// UnpackDEFAULTADMINROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (registry *Registry) UnpackDEFAULTADMINROLE(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("DEFAULT_ADMIN_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDISTRIBUTORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0bd87cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DISTRIBUTOR_ROLE() view returns(bytes32)
func (registry *Registry) PackDISTRIBUTORROLE() []byte {
	enc, err := registry.abi.Pack("DISTRIBUTOR_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDISTRIBUTORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0bd87cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DISTRIBUTOR_ROLE() view returns(bytes32)
func (registry *Registry) TryPackDISTRIBUTORROLE() ([]byte, error) {
	return registry.abi.Pack("DISTRIBUTOR_ROLE")
}

// UnpackDISTRIBUTORROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0bd87cc.
//
// Solidity: function DISTRIBUTOR_ROLE() view returns(bytes32)
func (registry *Registry) UnpackDISTRIBUTORROLE(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("DISTRIBUTOR_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMANUFACTURERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x965288b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MANUFACTURER_ROLE() view returns(bytes32)
func (registry *Registry) PackMANUFACTURERROLE() []byte {
	enc, err := registry.abi.Pack("MANUFACTURER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMANUFACTURERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x965288b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MANUFACTURER_ROLE() view returns(bytes32)
func (registry *Registry) TryPackMANUFACTURERROLE() ([]byte, error) {
	return registry.abi.Pack("MANUFACTURER_ROLE")
}

// UnpackMANUFACTURERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x965288b0.
//
// Solidity: function MANUFACTURER_ROLE() view returns(bytes32)
func (registry *Registry) UnpackMANUFACTURERROLE(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("MANUFACTURER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPHARMACYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0c58ea7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PHARMACY_ROLE() view returns(bytes32)
func (registry *Registry) PackPHARMACYROLE() []byte {
	enc, err := registry.abi.Pack("PHARMACY_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPHARMACYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0c58ea7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PHARMACY_ROLE() view returns(bytes32)
func (registry *Registry) TryPackPHARMACYROLE() ([]byte, error) {
	return registry.abi.Pack("PHARMACY_ROLE")
}

// UnpackPHARMACYROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0c58ea7.
//
// Solidity: function PHARMACY_ROLE() view returns(bytes32)
func (registry *Registry) UnpackPHARMACYROLE(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("PHARMACY_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackREGULATORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x144bf589.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REGULATOR_ROLE() view returns(bytes32)
func (registry *Registry) PackREGULATORROLE() []byte {
	enc, err := registry.abi.Pack("REGULATOR_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREGULATORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x144bf589.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REGULATOR_ROLE() view returns(bytes32)
func (registry *Registry) TryPackREGULATORROLE() ([]byte, error) {
	return registry.abi.Pack("REGULATOR_ROLE")
}

// UnpackREGULATORROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x144bf589.
//
// Solidity: function REGULATOR_ROLE() view returns(bytes32)
func (registry *Registry) UnpackREGULATORROLE(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("REGULATOR_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAccountOfGLN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa384ce77.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accountOfGLN(uint64 gln) view returns(address)
func (registry *Registry) PackAccountOfGLN(gln uint64) []byte {
	enc, err := registry.abi.Pack("accountOfGLN", gln)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccountOfGLN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa384ce77.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accountOfGLN(uint64 gln) view returns(address)
func (registry *Registry) TryPackAccountOfGLN(gln uint64) ([]byte, error) {
	return registry.abi.Pack("accountOfGLN", gln)
}

// UnpackAccountOfGLN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa384ce77.
//
// Solidity: function accountOfGLN(uint64 gln) view returns(address)
func (registry *Registry) UnpackAccountOfGLN(data []byte) (common.Address, error) {
	out, err := registry.abi.Unpack("accountOfGLN", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDeactivateParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde97b81c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deactivateParticipant(address account) returns()
func (registry *Registry) PackDeactivateParticipant(account common.Address) []byte {
	enc, err := registry.abi.Pack("deactivateParticipant", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeactivateParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde97b81c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deactivateParticipant(address account) returns()
func (registry *Registry) TryPackDeactivateParticipant(account common.Address) ([]byte, error) {
	return registry.abi.Pack("deactivateParticipant", account)
}

// PackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (registry *Registry) PackGetRoleAdmin(role [32]byte) []byte {
	enc, err := registry.abi.Pack("getRoleAdmin", role)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (registry *Registry) TryPackGetRoleAdmin(role [32]byte) ([]byte, error) {
	return registry.abi.Pack("getRoleAdmin", role)
}

// UnpackGetRoleAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (registry *Registry) UnpackGetRoleAdmin(data []byte) ([32]byte, error) {
	out, err := registry.abi.Unpack("getRoleAdmin", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantRole(bytes32 , address ) pure returns()
func (registry *Registry) PackGrantRole(arg0 [32]byte, arg1 common.Address) []byte {
	enc, err := registry.abi.Pack("grantRole", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantRole(bytes32 , address ) pure returns()
func (registry *Registry) TryPackGrantRole(arg0 [32]byte, arg1 common.Address) ([]byte, error) {
	return registry.abi.Pack("grantRole", arg0, arg1)
}

// PackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (registry *Registry) PackHasRole(role [32]byte, account common.Address) []byte {
	enc, err := registry.abi.Pack("hasRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (registry *Registry) TryPackHasRole(role [32]byte, account common.Address) ([]byte, error) {
	return registry.abi.Pack("hasRole", role, account)
}

// UnpackHasRole is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (registry *Registry) UnpackHasRole(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("hasRole", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2605b3c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function participant(address account) view returns((uint8,bool,uint64))
func (registry *Registry) PackParticipant(account common.Address) []byte {
	enc, err := registry.abi.Pack("participant", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2605b3c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function participant(address account) view returns((uint8,bool,uint64))
func (registry *Registry) TryPackParticipant(account common.Address) ([]byte, error) {
	return registry.abi.Pack("participant", account)
}

// UnpackParticipant is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2605b3c7.
//
// Solidity: function participant(address account) view returns((uint8,bool,uint64))
func (registry *Registry) UnpackParticipant(data []byte) (RegistryParticipant, error) {
	out, err := registry.abi.Unpack("participant", data)
	if err != nil {
		return *new(RegistryParticipant), err
	}
	out0 := *abi.ConvertType(out[0], new(RegistryParticipant)).(*RegistryParticipant)
	return out0, nil
}

// PackProductOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a36ca4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function productOwner(uint64 gtin) view returns(address)
func (registry *Registry) PackProductOwner(gtin uint64) []byte {
	enc, err := registry.abi.Pack("productOwner", gtin)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProductOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a36ca4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function productOwner(uint64 gtin) view returns(address)
func (registry *Registry) TryPackProductOwner(gtin uint64) ([]byte, error) {
	return registry.abi.Pack("productOwner", gtin)
}

// UnpackProductOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0a36ca4f.
//
// Solidity: function productOwner(uint64 gtin) view returns(address)
func (registry *Registry) UnpackProductOwner(data []byte) (common.Address, error) {
	out, err := registry.abi.Unpack("productOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegisterParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f18eddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerParticipant(address account, uint8 role, uint64 gln, string name) returns()
func (registry *Registry) PackRegisterParticipant(account common.Address, role uint8, gln uint64, name string) []byte {
	enc, err := registry.abi.Pack("registerParticipant", account, role, gln, name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f18eddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerParticipant(address account, uint8 role, uint64 gln, string name) returns()
func (registry *Registry) TryPackRegisterParticipant(account common.Address, role uint8, gln uint64, name string) ([]byte, error) {
	return registry.abi.Pack("registerParticipant", account, role, gln, name)
}

// PackRegisterProduct is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe228765e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerProduct(uint64 gtin, string name, string strength, string form, uint32 packSize) returns()
func (registry *Registry) PackRegisterProduct(gtin uint64, name string, strength string, form string, packSize uint32) []byte {
	enc, err := registry.abi.Pack("registerProduct", gtin, name, strength, form, packSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterProduct is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe228765e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerProduct(uint64 gtin, string name, string strength, string form, uint32 packSize) returns()
func (registry *Registry) TryPackRegisterProduct(gtin uint64, name string, strength string, form string, packSize uint32) ([]byte, error) {
	return registry.abi.Pack("registerProduct", gtin, name, strength, form, packSize)
}

// PackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceRole(bytes32 , address ) pure returns()
func (registry *Registry) PackRenounceRole(arg0 [32]byte, arg1 common.Address) []byte {
	enc, err := registry.abi.Pack("renounceRole", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceRole(bytes32 , address ) pure returns()
func (registry *Registry) TryPackRenounceRole(arg0 [32]byte, arg1 common.Address) ([]byte, error) {
	return registry.abi.Pack("renounceRole", arg0, arg1)
}

// PackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRole(bytes32 , address ) pure returns()
func (registry *Registry) PackRevokeRole(arg0 [32]byte, arg1 common.Address) []byte {
	enc, err := registry.abi.Pack("revokeRole", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeRole(bytes32 , address ) pure returns()
func (registry *Registry) TryPackRevokeRole(arg0 [32]byte, arg1 common.Address) ([]byte, error) {
	return registry.abi.Pack("revokeRole", arg0, arg1)
}

// PackRoleOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5d7827e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roleOf(address account) view returns(uint8)
func (registry *Registry) PackRoleOf(account common.Address) []byte {
	enc, err := registry.abi.Pack("roleOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoleOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5d7827e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function roleOf(address account) view returns(uint8)
func (registry *Registry) TryPackRoleOf(account common.Address) ([]byte, error) {
	return registry.abi.Pack("roleOf", account)
}

// UnpackRoleOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa5d7827e.
//
// Solidity: function roleOf(address account) view returns(uint8)
func (registry *Registry) UnpackRoleOf(data []byte) (uint8, error) {
	out, err := registry.abi.Unpack("roleOf", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := registry.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return registry.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferProduct is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcd2a22a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferProduct(uint64 gtin, address to) returns()
func (registry *Registry) PackTransferProduct(gtin uint64, to common.Address) []byte {
	enc, err := registry.abi.Pack("transferProduct", gtin, to)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferProduct is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcd2a22a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferProduct(uint64 gtin, address to) returns()
func (registry *Registry) TryPackTransferProduct(gtin uint64, to common.Address) ([]byte, error) {
	return registry.abi.Pack("transferProduct", gtin, to)
}

// RegistryParticipantDeactivated represents a ParticipantDeactivated event raised by the Registry contract.
type RegistryParticipantDeactivated struct {
	Account common.Address
	By      common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryParticipantDeactivatedEventName = "ParticipantDeactivated"

// ContractEventName returns the user-defined event name.
func (RegistryParticipantDeactivated) ContractEventName() string {
	return RegistryParticipantDeactivatedEventName
}

// UnpackParticipantDeactivatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ParticipantDeactivated(address indexed account, address indexed by)
func (registry *Registry) UnpackParticipantDeactivatedEvent(log *types.Log) (*RegistryParticipantDeactivated, error) {
	event := "ParticipantDeactivated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryParticipantDeactivated)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryParticipantRegistered represents a ParticipantRegistered event raised by the Registry contract.
type RegistryParticipantRegistered struct {
	Account common.Address
	Role    uint8
	Gln     uint64
	Name    string
	By      common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryParticipantRegisteredEventName = "ParticipantRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryParticipantRegistered) ContractEventName() string {
	return RegistryParticipantRegisteredEventName
}

// UnpackParticipantRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ParticipantRegistered(address indexed account, uint8 role, uint64 gln, string name, address indexed by)
func (registry *Registry) UnpackParticipantRegisteredEvent(log *types.Log) (*RegistryParticipantRegistered, error) {
	event := "ParticipantRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryParticipantRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryProductRegistered represents a ProductRegistered event raised by the Registry contract.
type RegistryProductRegistered struct {
	Gtin     uint64
	Owner    common.Address
	Name     string
	Strength string
	Form     string
	PackSize uint32
	Raw      *types.Log // Blockchain specific contextual infos
}

const RegistryProductRegisteredEventName = "ProductRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryProductRegistered) ContractEventName() string {
	return RegistryProductRegisteredEventName
}

// UnpackProductRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProductRegistered(uint64 indexed gtin, address indexed owner, string name, string strength, string form, uint32 packSize)
func (registry *Registry) UnpackProductRegisteredEvent(log *types.Log) (*RegistryProductRegistered, error) {
	event := "ProductRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProductRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryProductTransferred represents a ProductTransferred event raised by the Registry contract.
type RegistryProductTransferred struct {
	Gtin uint64
	From common.Address
	To   common.Address
	By   common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const RegistryProductTransferredEventName = "ProductTransferred"

// ContractEventName returns the user-defined event name.
func (RegistryProductTransferred) ContractEventName() string {
	return RegistryProductTransferredEventName
}

// UnpackProductTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProductTransferred(uint64 indexed gtin, address indexed from, address indexed to, address by)
func (registry *Registry) UnpackProductTransferredEvent(log *types.Log) (*RegistryProductTransferred, error) {
	event := "ProductTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProductTransferred)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryRoleAdminChanged represents a RoleAdminChanged event raised by the Registry contract.
type RegistryRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               *types.Log // Blockchain specific contextual infos
}

const RegistryRoleAdminChangedEventName = "RoleAdminChanged"

// ContractEventName returns the user-defined event name.
func (RegistryRoleAdminChanged) ContractEventName() string {
	return RegistryRoleAdminChangedEventName
}

// UnpackRoleAdminChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (registry *Registry) UnpackRoleAdminChangedEvent(log *types.Log) (*RegistryRoleAdminChanged, error) {
	event := "RoleAdminChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryRoleAdminChanged)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryRoleGranted represents a RoleGranted event raised by the Registry contract.
type RegistryRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryRoleGrantedEventName = "RoleGranted"

// ContractEventName returns the user-defined event name.
func (RegistryRoleGranted) ContractEventName() string {
	return RegistryRoleGrantedEventName
}

// UnpackRoleGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (registry *Registry) UnpackRoleGrantedEvent(log *types.Log) (*RegistryRoleGranted, error) {
	event := "RoleGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryRoleGranted)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryRoleRevoked represents a RoleRevoked event raised by the Registry contract.
type RegistryRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryRoleRevokedEventName = "RoleRevoked"

// ContractEventName returns the user-defined event name.
func (RegistryRoleRevoked) ContractEventName() string {
	return RegistryRoleRevokedEventName
}

// UnpackRoleRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (registry *Registry) UnpackRoleRevokedEvent(log *types.Log) (*RegistryRoleRevoked, error) {
	event := "RoleRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryRoleRevoked)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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
func (registry *Registry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], registry.abi.Errors["AccessControlBadConfirmation"].ID.Bytes()[:4]) {
		return registry.UnpackAccessControlBadConfirmationError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["AccessControlUnauthorizedAccount"].ID.Bytes()[:4]) {
		return registry.UnpackAccessControlUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["AlreadyInactive"].ID.Bytes()[:4]) {
		return registry.UnpackAlreadyInactiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["AlreadyRegistered"].ID.Bytes()[:4]) {
		return registry.UnpackAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CannotDeactivateSelf"].ID.Bytes()[:4]) {
		return registry.UnpackCannotDeactivateSelfError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DirectRoleChangeRefused"].ID.Bytes()[:4]) {
		return registry.UnpackDirectRoleChangeRefusedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["GLNInUse"].ID.Bytes()[:4]) {
		return registry.UnpackGLNInUseError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InactiveParticipant"].ID.Bytes()[:4]) {
		return registry.UnpackInactiveParticipantError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidGLN"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidGLNError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidGTIN"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidGTINError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidPackSize"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidPackSizeError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidRole"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidRoleError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotRegistered"].ID.Bytes()[:4]) {
		return registry.UnpackNotRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ProductExists"].ID.Bytes()[:4]) {
		return registry.UnpackProductExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["RoleNotAllowed"].ID.Bytes()[:4]) {
		return registry.UnpackRoleNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownProduct"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownProductError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return registry.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RegistryAccessControlBadConfirmation represents a AccessControlBadConfirmation error raised by the Registry contract.
type RegistryAccessControlBadConfirmation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlBadConfirmation()
func RegistryAccessControlBadConfirmationErrorID() common.Hash {
	return common.HexToHash("0x6697b23232a647058342c0724fe7c415cab25915b54e5dbc03f233173d37b41c")
}

// UnpackAccessControlBadConfirmationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlBadConfirmation()
func (registry *Registry) UnpackAccessControlBadConfirmationError(raw []byte) (*RegistryAccessControlBadConfirmation, error) {
	out := new(RegistryAccessControlBadConfirmation)
	if err := registry.abi.UnpackIntoInterface(out, "AccessControlBadConfirmation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryAccessControlUnauthorizedAccount represents a AccessControlUnauthorizedAccount error raised by the Registry contract.
type RegistryAccessControlUnauthorizedAccount struct {
	Account    common.Address
	NeededRole [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func RegistryAccessControlUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0xe2517d3fbfae6f8515ef5ff1ccedc3933ab0cbbda0b492c06eb54ad10ef03b3e")
}

// UnpackAccessControlUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func (registry *Registry) UnpackAccessControlUnauthorizedAccountError(raw []byte) (*RegistryAccessControlUnauthorizedAccount, error) {
	out := new(RegistryAccessControlUnauthorizedAccount)
	if err := registry.abi.UnpackIntoInterface(out, "AccessControlUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryAlreadyInactive represents a AlreadyInactive error raised by the Registry contract.
type RegistryAlreadyInactive struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyInactive(address account)
func RegistryAlreadyInactiveErrorID() common.Hash {
	return common.HexToHash("0xf4390304cdfad99b4823de22736a8acb4d6d53a7929947167923f449de21bb59")
}

// UnpackAlreadyInactiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyInactive(address account)
func (registry *Registry) UnpackAlreadyInactiveError(raw []byte) (*RegistryAlreadyInactive, error) {
	out := new(RegistryAlreadyInactive)
	if err := registry.abi.UnpackIntoInterface(out, "AlreadyInactive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryAlreadyRegistered represents a AlreadyRegistered error raised by the Registry contract.
type RegistryAlreadyRegistered struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRegistered(address account)
func RegistryAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x45ed80e9399c87887ea54f615514a1e3dde31e9b6c027ddceb4ffd503b70e428")
}

// UnpackAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRegistered(address account)
func (registry *Registry) UnpackAlreadyRegisteredError(raw []byte) (*RegistryAlreadyRegistered, error) {
	out := new(RegistryAlreadyRegistered)
	if err := registry.abi.UnpackIntoInterface(out, "AlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryCannotDeactivateSelf represents a CannotDeactivateSelf error raised by the Registry contract.
type RegistryCannotDeactivateSelf struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CannotDeactivateSelf()
func RegistryCannotDeactivateSelfErrorID() common.Hash {
	return common.HexToHash("0x6b262fa3bfe7af8a175ee081f54d7a20ed3c0478ea99920709cdea1d2980ffae")
}

// UnpackCannotDeactivateSelfError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CannotDeactivateSelf()
func (registry *Registry) UnpackCannotDeactivateSelfError(raw []byte) (*RegistryCannotDeactivateSelf, error) {
	out := new(RegistryCannotDeactivateSelf)
	if err := registry.abi.UnpackIntoInterface(out, "CannotDeactivateSelf", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryDirectRoleChangeRefused represents a DirectRoleChangeRefused error raised by the Registry contract.
type RegistryDirectRoleChangeRefused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DirectRoleChangeRefused()
func RegistryDirectRoleChangeRefusedErrorID() common.Hash {
	return common.HexToHash("0xfeecd4b7d91a95dfa36ad8d0b53519664b7d439dc7457c77ebf56329102f609d")
}

// UnpackDirectRoleChangeRefusedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DirectRoleChangeRefused()
func (registry *Registry) UnpackDirectRoleChangeRefusedError(raw []byte) (*RegistryDirectRoleChangeRefused, error) {
	out := new(RegistryDirectRoleChangeRefused)
	if err := registry.abi.UnpackIntoInterface(out, "DirectRoleChangeRefused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryGLNInUse represents a GLNInUse error raised by the Registry contract.
type RegistryGLNInUse struct {
	Gln     uint64
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GLNInUse(uint64 gln, address account)
func RegistryGLNInUseErrorID() common.Hash {
	return common.HexToHash("0xf6d12e35ce83e27614164c1caf6784905e4d2b3e825addc0db394ac84b88a644")
}

// UnpackGLNInUseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GLNInUse(uint64 gln, address account)
func (registry *Registry) UnpackGLNInUseError(raw []byte) (*RegistryGLNInUse, error) {
	out := new(RegistryGLNInUse)
	if err := registry.abi.UnpackIntoInterface(out, "GLNInUse", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInactiveParticipant represents a InactiveParticipant error raised by the Registry contract.
type RegistryInactiveParticipant struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InactiveParticipant(address account)
func RegistryInactiveParticipantErrorID() common.Hash {
	return common.HexToHash("0x4743fb66fc2a9da09a65bc4f5b6b11f6c21dcc5cada0a315f188b13c8fe84cd2")
}

// UnpackInactiveParticipantError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InactiveParticipant(address account)
func (registry *Registry) UnpackInactiveParticipantError(raw []byte) (*RegistryInactiveParticipant, error) {
	out := new(RegistryInactiveParticipant)
	if err := registry.abi.UnpackIntoInterface(out, "InactiveParticipant", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidGLN represents a InvalidGLN error raised by the Registry contract.
type RegistryInvalidGLN struct {
	Gln uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidGLN(uint64 gln)
func RegistryInvalidGLNErrorID() common.Hash {
	return common.HexToHash("0x29e8e102e0135bfff9dec013f09b0e362fc247944b51fab9db2735e5b6236816")
}

// UnpackInvalidGLNError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidGLN(uint64 gln)
func (registry *Registry) UnpackInvalidGLNError(raw []byte) (*RegistryInvalidGLN, error) {
	out := new(RegistryInvalidGLN)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidGLN", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidGTIN represents a InvalidGTIN error raised by the Registry contract.
type RegistryInvalidGTIN struct {
	Gtin uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidGTIN(uint64 gtin)
func RegistryInvalidGTINErrorID() common.Hash {
	return common.HexToHash("0xe285d7392306b407745187b4e7275a09895f89f4e581a7d2d3537ef1f7668c86")
}

// UnpackInvalidGTINError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidGTIN(uint64 gtin)
func (registry *Registry) UnpackInvalidGTINError(raw []byte) (*RegistryInvalidGTIN, error) {
	out := new(RegistryInvalidGTIN)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidGTIN", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidPackSize represents a InvalidPackSize error raised by the Registry contract.
type RegistryInvalidPackSize struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPackSize()
func RegistryInvalidPackSizeErrorID() common.Hash {
	return common.HexToHash("0x6c6914eb4360b3133b38df2be4b404235badad0eae0d5fe85d6a551b02e772e8")
}

// UnpackInvalidPackSizeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPackSize()
func (registry *Registry) UnpackInvalidPackSizeError(raw []byte) (*RegistryInvalidPackSize, error) {
	out := new(RegistryInvalidPackSize)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidPackSize", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidRole represents a InvalidRole error raised by the Registry contract.
type RegistryInvalidRole struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRole()
func RegistryInvalidRoleErrorID() common.Hash {
	return common.HexToHash("0xd954416aa116d7fb9b08b6ec00ba47bcc835381394a374857b2cac44c08caf5a")
}

// UnpackInvalidRoleError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRole()
func (registry *Registry) UnpackInvalidRoleError(raw []byte) (*RegistryInvalidRole, error) {
	out := new(RegistryInvalidRole)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidRole", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotRegistered represents a NotRegistered error raised by the Registry contract.
type RegistryNotRegistered struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRegistered(address account)
func RegistryNotRegisteredErrorID() common.Hash {
	return common.HexToHash("0xbfc6c337a80b7b8201f77f0a2a54c6e5f7c6fd9124a749804a482fa16ee8a895")
}

// UnpackNotRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRegistered(address account)
func (registry *Registry) UnpackNotRegisteredError(raw []byte) (*RegistryNotRegistered, error) {
	out := new(RegistryNotRegistered)
	if err := registry.abi.UnpackIntoInterface(out, "NotRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryProductExists represents a ProductExists error raised by the Registry contract.
type RegistryProductExists struct {
	Gtin  uint64
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProductExists(uint64 gtin, address owner)
func RegistryProductExistsErrorID() common.Hash {
	return common.HexToHash("0xc18ce98078f9847a8ccaca646ac099269c892027dcf1654703b89053a4492ab4")
}

// UnpackProductExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProductExists(uint64 gtin, address owner)
func (registry *Registry) UnpackProductExistsError(raw []byte) (*RegistryProductExists, error) {
	out := new(RegistryProductExists)
	if err := registry.abi.UnpackIntoInterface(out, "ProductExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryRoleNotAllowed represents a RoleNotAllowed error raised by the Registry contract.
type RegistryRoleNotAllowed struct {
	Account common.Address
	Role    uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoleNotAllowed(address account, uint8 role)
func RegistryRoleNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x9f3a48db59bde0892fec6c4c266cb83027b29ebe525d599d6b859c42ea26b70f")
}

// UnpackRoleNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoleNotAllowed(address account, uint8 role)
func (registry *Registry) UnpackRoleNotAllowedError(raw []byte) (*RegistryRoleNotAllowed, error) {
	out := new(RegistryRoleNotAllowed)
	if err := registry.abi.UnpackIntoInterface(out, "RoleNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryUnknownProduct represents a UnknownProduct error raised by the Registry contract.
type RegistryUnknownProduct struct {
	Gtin uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownProduct(uint64 gtin)
func RegistryUnknownProductErrorID() common.Hash {
	return common.HexToHash("0xd206504387b01ae6195fbfe51b45142532c1dfc871d4e2b90c7c4ea612304527")
}

// UnpackUnknownProductError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownProduct(uint64 gtin)
func (registry *Registry) UnpackUnknownProductError(raw []byte) (*RegistryUnknownProduct, error) {
	out := new(RegistryUnknownProduct)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownProduct", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryZeroAddress represents a ZeroAddress error raised by the Registry contract.
type RegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func RegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (registry *Registry) UnpackZeroAddressError(raw []byte) (*RegistryZeroAddress, error) {
	out := new(RegistryZeroAddress)
	if err := registry.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
