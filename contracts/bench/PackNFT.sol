// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Burnable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Burnable.sol";

/// @title PackNFT — the gas baseline: every pack an OpenZeppelin ERC-721 token.
/// @notice Not part of PharmaTrace. `make gas` runs the same journey through it (mint per pack,
/// manufacturer to wholesaler to pharmacy, burn at dispensing) to show what per-pack tokens cost.
contract PackNFT is ERC721, ERC721Burnable {
    address private immutable _minter;

    /// @notice Only the deployer mints.
    error NotMinter(address account);

    constructor() ERC721("PharmaTrace pack baseline", "PACK") {
        _minter = msg.sender;
    }

    /// @notice Mint one pack token to the caller.
    function mint(uint256 tokenId) external {
        if (msg.sender != _minter) revert NotMinter(msg.sender);
        _mint(msg.sender, tokenId);
    }
}
