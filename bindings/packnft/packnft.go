// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package packnft

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

// PackNFTMetaData contains all meta data concerning the PackNFT contract.
var PackNFTMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotMinter\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PackNFT",
	Bin: "0x60a060405234801561000f575f5ffd5b506040518060400160405280601981526020017f506861726d615472616365207061636b20626173656c696e6500000000000000815250604051806040016040528060048152602001635041434b60e01b815250815f9081610071919061012d565b50600161007e828261012d565b505033608052506101eb565b634e487b7160e01b5f52604160045260245ffd5b600181811c908216806100b257607f821691505b6020821081036100d057634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610128578282111561012857805f5260205f20601f840160051c602085101561010157505f5b90810190601f840160051c035f5b81811015610124575f8382015560010161010f565b5050505b505050565b81516001600160401b038111156101465761014661008a565b61015a81610154845461009e565b846100d6565b6020601f82116001811461018c575f83156101755750848201515b5f19600385901b1c1916600184901b1784556101e4565b5f84815260208120601f198516915b828110156101bb578785015182556020948501946001909201910161019b565b50848210156101d857868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b608051610f766102035f395f61047c0152610f765ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c80636352211e11610093578063a22cb46511610063578063a22cb465146101f9578063b88d4fde1461020c578063c87b56dd1461021f578063e985e9c514610232575f5ffd5b80636352211e146101aa57806370a08231146101bd57806395d89b41146101de578063a0712d68146101e6575f5ffd5b8063095ea7b3116100ce578063095ea7b31461015c57806323b872dd1461017157806342842e0e1461018457806342966c6814610197575f5ffd5b806301ffc9a7146100f457806306fdde031461011c578063081812fc14610131575b5f5ffd5b610107610102366004610c59565b610245565b60405190151581526020015b60405180910390f35b610124610296565b6040516101139190610ca2565b61014461013f366004610cb4565b610325565b6040516001600160a01b039091168152602001610113565b61016f61016a366004610ce6565b61034c565b005b61016f61017f366004610d0e565b61035b565b61016f610192366004610d0e565b6103e9565b61016f6101a5366004610cb4565b610408565b6101446101b8366004610cb4565b610413565b6101d06101cb366004610d48565b61041d565b604051908152602001610113565b610124610462565b61016f6101f4366004610cb4565b610471565b61016f610207366004610d61565b6104c9565b61016f61021a366004610dae565b6104d4565b61012461022d366004610cb4565b6104ec565b610107610240366004610e8b565b61055d565b5f6001600160e01b031982166380ac58cd60e01b148061027557506001600160e01b03198216635b5e139f60e01b145b8061029057506301ffc9a760e01b6001600160e01b03198316145b92915050565b60605f80546102a490610ebc565b80601f01602080910402602001604051908101604052809291908181526020018280546102d090610ebc565b801561031b5780601f106102f25761010080835404028352916020019161031b565b820191905f5260205f20905b8154815290600101906020018083116102fe57829003601f168201915b5050505050905090565b5f61032f8261058a565b505f828152600460205260409020546001600160a01b0316610290565b6103578282336105c2565b5050565b6001600160a01b03821661038957604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f6103958383336105cf565b9050836001600160a01b0316816001600160a01b0316146103e3576040516364283d7b60e01b81526001600160a01b0380861660048301526024820184905282166044820152606401610380565b50505050565b61040383838360405180602001604052805f8152506104d4565b505050565b6103575f82336105cf565b5f6102908261058a565b5f6001600160a01b038216610447576040516322718ad960e21b81525f6004820152602401610380565b506001600160a01b03165f9081526003602052604090205490565b6060600180546102a490610ebc565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146104bc57604051631b0e18f960e11b8152336004820152602401610380565b6104c633826106c1565b50565b610357338383610722565b6104df84848461035b565b6103e333858585856107e9565b60606104f78261058a565b505f61050d60408051602081019091525f815290565b90505f81511161052b5760405180602001604052805f815250610556565b8061053584610911565b604051602001610546929190610f0b565b6040516020818303038152906040525b9392505050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b5f818152600260205260408120546001600160a01b03168061029057604051637e27328960e01b815260048101849052602401610380565b61040383838360016109a1565b5f828152600260205260408120546001600160a01b03908116908316156105fb576105fb818486610aa5565b6001600160a01b03811615610635576106165f855f5f6109a1565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b03851615610663576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b6001600160a01b0382166106ea57604051633250574960e11b81525f6004820152602401610380565b5f6106f683835f6105cf565b90506001600160a01b03811615610403576040516339e3563760e11b81525f6004820152602401610380565b6001600160a01b03831661074b5760405163a9fbf51f60e01b81525f6004820152602401610380565b6001600160a01b03821661077d57604051630b61174360e31b81526001600160a01b0383166004820152602401610380565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b0383163b1561090a57604051630a85bd0160e11b81526001600160a01b0384169063150b7a029061082b908890889087908790600401610f1f565b6020604051808303815f875af1925050508015610865575060408051601f3d908101601f1916820190925261086291810190610f5b565b60015b6108cc573d808015610892576040519150601f19603f3d011682016040523d82523d5f602084013e610897565b606091505b5080515f036108c457604051633250574960e11b81526001600160a01b0385166004820152602401610380565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b1461090857604051633250574960e11b81526001600160a01b0385166004820152602401610380565b505b5050505050565b60605f61091d83610b09565b60010190505f8167ffffffffffffffff81111561093c5761093c610d9a565b6040519080825280601f01601f191660200182016040528015610966576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a850494508461097057509392505050565b80806109b557506001600160a01b03821615155b15610a76575f6109c48461058a565b90506001600160a01b038316158015906109f05750826001600160a01b0316816001600160a01b031614155b8015610a035750610a01818461055d565b155b15610a2c5760405163a9fbf51f60e01b81526001600160a01b0384166004820152602401610380565b8115610a745783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b610ab0838383610be0565b610403576001600160a01b038316610ade57604051637e27328960e01b815260048101829052602401610380565b60405163177e802f60e01b81526001600160a01b038316600482015260248101829052604401610380565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b8310610b475772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef81000000008310610b73576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc100008310610b9157662386f26fc10000830492506010015b6305f5e1008310610ba9576305f5e100830492506008015b6127108310610bbd57612710830492506004015b60648310610bcf576064830492506002015b600a83106102905760010192915050565b5f6001600160a01b03831615801590610c3c5750826001600160a01b0316846001600160a01b03161480610c195750610c19848461055d565b80610c3c57505f828152600460205260409020546001600160a01b038481169116145b949350505050565b6001600160e01b0319811681146104c6575f5ffd5b5f60208284031215610c69575f5ffd5b813561055681610c44565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6105566020830184610c74565b5f60208284031215610cc4575f5ffd5b5035919050565b80356001600160a01b0381168114610ce1575f5ffd5b919050565b5f5f60408385031215610cf7575f5ffd5b610d0083610ccb565b946020939093013593505050565b5f5f5f60608486031215610d20575f5ffd5b610d2984610ccb565b9250610d3760208501610ccb565b929592945050506040919091013590565b5f60208284031215610d58575f5ffd5b61055682610ccb565b5f5f60408385031215610d72575f5ffd5b610d7b83610ccb565b915060208301358015158114610d8f575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215610dc1575f5ffd5b610dca85610ccb565b9350610dd860208601610ccb565b925060408501359150606085013567ffffffffffffffff811115610dfa575f5ffd5b8501601f81018713610e0a575f5ffd5b803567ffffffffffffffff811115610e2457610e24610d9a565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715610e5357610e53610d9a565b604052818152828201602001891015610e6a575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215610e9c575f5ffd5b610ea583610ccb565b9150610eb360208401610ccb565b90509250929050565b600181811c90821680610ed057607f821691505b602082108103610eee57634e487b7160e01b5f52602260045260245ffd5b50919050565b5f81518060208401855e5f93019283525090919050565b5f610c3c610f198386610ef4565b84610ef4565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90610f5190830184610c74565b9695505050505050565b5f60208284031215610f6b575f5ffd5b815161055681610c4456",
}

// PackNFT is an auto generated Go binding around an Ethereum contract.
type PackNFT struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PackNFT) GetABI() abi.ABI {
	return c.abi
}

// NewPackNFT creates a new instance of PackNFT.
func NewPackNFT() *PackNFT {
	parsed, err := PackNFTMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PackNFT{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PackNFT) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (packNFT *PackNFT) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (packNFT *PackNFT) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (packNFT *PackNFT) PackBalanceOf(owner common.Address) []byte {
	enc, err := packNFT.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (packNFT *PackNFT) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return packNFT.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (packNFT *PackNFT) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := packNFT.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burn(uint256 tokenId) returns()
func (packNFT *PackNFT) PackBurn(tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("burn", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burn(uint256 tokenId) returns()
func (packNFT *PackNFT) TryPackBurn(tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("burn", tokenId)
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := packNFT.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (packNFT *PackNFT) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := packNFT.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (packNFT *PackNFT) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return packNFT.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (packNFT *PackNFT) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := packNFT.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0712d68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(uint256 tokenId) returns()
func (packNFT *PackNFT) PackMint(tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("mint", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0712d68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(uint256 tokenId) returns()
func (packNFT *PackNFT) TryPackMint(tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("mint", tokenId)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (packNFT *PackNFT) PackName() []byte {
	enc, err := packNFT.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (packNFT *PackNFT) TryPackName() ([]byte, error) {
	return packNFT.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (packNFT *PackNFT) UnpackName(data []byte) (string, error) {
	out, err := packNFT.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (packNFT *PackNFT) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := packNFT.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (packNFT *PackNFT) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (packNFT *PackNFT) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (packNFT *PackNFT) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := packNFT.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (packNFT *PackNFT) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return packNFT.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (packNFT *PackNFT) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := packNFT.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (packNFT *PackNFT) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return packNFT.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (packNFT *PackNFT) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := packNFT.abi.Pack("supportsInterface", interfaceId)
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
func (packNFT *PackNFT) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return packNFT.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (packNFT *PackNFT) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := packNFT.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (packNFT *PackNFT) PackSymbol() []byte {
	enc, err := packNFT.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (packNFT *PackNFT) TryPackSymbol() ([]byte, error) {
	return packNFT.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (packNFT *PackNFT) UnpackSymbol(data []byte) (string, error) {
	out, err := packNFT.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (packNFT *PackNFT) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (packNFT *PackNFT) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (packNFT *PackNFT) UnpackTokenURI(data []byte) (string, error) {
	out, err := packNFT.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (packNFT *PackNFT) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := packNFT.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (packNFT *PackNFT) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return packNFT.abi.Pack("transferFrom", from, to, tokenId)
}

// PackNFTApproval represents a Approval event raised by the PackNFT contract.
type PackNFTApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const PackNFTApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (PackNFTApproval) ContractEventName() string {
	return PackNFTApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (packNFT *PackNFT) UnpackApprovalEvent(log *types.Log) (*PackNFTApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != packNFT.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PackNFTApproval)
	if len(log.Data) > 0 {
		if err := packNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range packNFT.abi.Events[event].Inputs {
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

// PackNFTApprovalForAll represents a ApprovalForAll event raised by the PackNFT contract.
type PackNFTApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const PackNFTApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (PackNFTApprovalForAll) ContractEventName() string {
	return PackNFTApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (packNFT *PackNFT) UnpackApprovalForAllEvent(log *types.Log) (*PackNFTApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != packNFT.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PackNFTApprovalForAll)
	if len(log.Data) > 0 {
		if err := packNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range packNFT.abi.Events[event].Inputs {
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

// PackNFTTransfer represents a Transfer event raised by the PackNFT contract.
type PackNFTTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PackNFTTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (PackNFTTransfer) ContractEventName() string {
	return PackNFTTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (packNFT *PackNFT) UnpackTransferEvent(log *types.Log) (*PackNFTTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != packNFT.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PackNFTTransfer)
	if len(log.Data) > 0 {
		if err := packNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range packNFT.abi.Events[event].Inputs {
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
func (packNFT *PackNFT) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return packNFT.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], packNFT.abi.Errors["NotMinter"].ID.Bytes()[:4]) {
		return packNFT.UnpackNotMinterError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PackNFTERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the PackNFT contract.
type PackNFTERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func PackNFTERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (packNFT *PackNFT) UnpackERC721IncorrectOwnerError(raw []byte) (*PackNFTERC721IncorrectOwner, error) {
	out := new(PackNFTERC721IncorrectOwner)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the PackNFT contract.
type PackNFTERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func PackNFTERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (packNFT *PackNFT) UnpackERC721InsufficientApprovalError(raw []byte) (*PackNFTERC721InsufficientApproval, error) {
	out := new(PackNFTERC721InsufficientApproval)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InvalidApprover represents a ERC721InvalidApprover error raised by the PackNFT contract.
type PackNFTERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func PackNFTERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (packNFT *PackNFT) UnpackERC721InvalidApproverError(raw []byte) (*PackNFTERC721InvalidApprover, error) {
	out := new(PackNFTERC721InvalidApprover)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InvalidOperator represents a ERC721InvalidOperator error raised by the PackNFT contract.
type PackNFTERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func PackNFTERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (packNFT *PackNFT) UnpackERC721InvalidOperatorError(raw []byte) (*PackNFTERC721InvalidOperator, error) {
	out := new(PackNFTERC721InvalidOperator)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InvalidOwner represents a ERC721InvalidOwner error raised by the PackNFT contract.
type PackNFTERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func PackNFTERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (packNFT *PackNFT) UnpackERC721InvalidOwnerError(raw []byte) (*PackNFTERC721InvalidOwner, error) {
	out := new(PackNFTERC721InvalidOwner)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the PackNFT contract.
type PackNFTERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func PackNFTERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (packNFT *PackNFT) UnpackERC721InvalidReceiverError(raw []byte) (*PackNFTERC721InvalidReceiver, error) {
	out := new(PackNFTERC721InvalidReceiver)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721InvalidSender represents a ERC721InvalidSender error raised by the PackNFT contract.
type PackNFTERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func PackNFTERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (packNFT *PackNFT) UnpackERC721InvalidSenderError(raw []byte) (*PackNFTERC721InvalidSender, error) {
	out := new(PackNFTERC721InvalidSender)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTERC721NonexistentToken represents a ERC721NonexistentToken error raised by the PackNFT contract.
type PackNFTERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func PackNFTERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (packNFT *PackNFT) UnpackERC721NonexistentTokenError(raw []byte) (*PackNFTERC721NonexistentToken, error) {
	out := new(PackNFTERC721NonexistentToken)
	if err := packNFT.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PackNFTNotMinter represents a NotMinter error raised by the PackNFT contract.
type PackNFTNotMinter struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMinter(address account)
func PackNFTNotMinterErrorID() common.Hash {
	return common.HexToHash("0x361c31f27e729a8322ec0a67a437cd1a685fbc0124c358ce2bac49ea8a779111")
}

// UnpackNotMinterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMinter(address account)
func (packNFT *PackNFT) UnpackNotMinterError(raw []byte) (*PackNFTNotMinter, error) {
	out := new(PackNFTNotMinter)
	if err := packNFT.abi.UnpackIntoInterface(out, "NotMinter", raw); err != nil {
		return nil, err
	}
	return out, nil
}
