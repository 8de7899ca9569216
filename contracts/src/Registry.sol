// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title Registry — who may take part in the PharmaTrace supply chain, and who owns which product.
/// @notice Regulators admit and deactivate participants (manufacturers, distributors, pharmacies and
/// other regulators). Manufacturers register their products (GTINs) in the product directory; a GTIN
/// has exactly one owner, and only that owner may register batches of it in the BatchLedger.
/// @dev GLN and GTIN check digits are validated off-chain (by the service that sends the transaction);
/// on chain we only refuse values that cannot be GS1 keys at all. Descriptive fields (participant and
/// product names, strength, dosage form) live in events only: the contracts never read them.
contract Registry is AccessControl {
    /// @notice The role of a participant. Exactly one per account.
    enum Role {
        None,
        Regulator,
        Manufacturer,
        Distributor,
        Pharmacy
    }

    /// @notice A participant as stored: only what contracts check.
    struct Participant {
        Role role;
        bool active;
        uint64 gln;
    }

    /// @notice AccessControl role held by every active regulator; it administers every role.
    bytes32 public constant REGULATOR_ROLE = keccak256("pharmatrace.regulator");
    /// @notice AccessControl role held by every active manufacturer.
    bytes32 public constant MANUFACTURER_ROLE = keccak256("pharmatrace.manufacturer");
    /// @notice AccessControl role held by every active distributor (wholesaler).
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("pharmatrace.distributor");
    /// @notice AccessControl role held by every active pharmacy.
    bytes32 public constant PHARMACY_ROLE = keccak256("pharmatrace.pharmacy");

    uint64 private constant MAX_GLN = 9_999_999_999_999; // 13 digits
    uint64 private constant MAX_GTIN = 99_999_999_999_999; // 14 digits

    mapping(address account => Participant) private _participants;
    mapping(uint64 gln => address account) private _glnAccount;
    mapping(uint64 gtin => address owner) private _productOwner;

    /// @notice A participant was admitted.
    event ParticipantRegistered(address indexed account, Role role, uint64 gln, string name, address indexed by);
    /// @notice A participant was deactivated: it can no longer act, and nobody can ship to it.
    event ParticipantDeactivated(address indexed account, address indexed by);
    /// @notice A manufacturer registered a product; the descriptive fields are here only.
    event ProductRegistered(
        uint64 indexed gtin, address indexed owner, string name, string strength, string form, uint32 packSize
    );
    /// @notice A regulator moved a product to another manufacturer (the product was sold).
    event ProductTransferred(uint64 indexed gtin, address indexed from, address indexed to, address by);

    /// @notice The account is already a participant (active or not).
    error AlreadyRegistered(address account);
    /// @notice The account was never registered.
    error NotRegistered(address account);
    /// @notice The account is registered but already inactive.
    error AlreadyInactive(address account);
    /// @notice Role None is not a role.
    error InvalidRole();
    /// @notice The GLN is zero or longer than 13 digits.
    error InvalidGLN(uint64 gln);
    /// @notice Another participant already uses this GLN.
    error GLNInUse(uint64 gln, address account);
    /// @notice The zero address cannot take part.
    error ZeroAddress();
    /// @notice A regulator may not deactivate itself (there must be someone left to govern).
    error CannotDeactivateSelf();
    /// @notice Roles are only granted and revoked through registerParticipant / deactivateParticipant.
    error DirectRoleChangeRefused();
    /// @notice The caller (or the named account) is not an active participant.
    error InactiveParticipant(address account);
    /// @notice The participant is active but its role may not do this.
    error RoleNotAllowed(address account, Role role);
    /// @notice The GTIN is zero or longer than 14 digits.
    error InvalidGTIN(uint64 gtin);
    /// @notice The GTIN already has an owner.
    error ProductExists(uint64 gtin, address owner);
    /// @notice The GTIN is not in the directory.
    error UnknownProduct(uint64 gtin);
    /// @notice Pack size must be at least one unit.
    error InvalidPackSize();

    /// @param gln the deploying regulator's GLN.
    /// @param name the deploying regulator's name.
    constructor(uint64 gln, string memory name) {
        for (uint256 r = uint256(Role.Manufacturer); r <= uint256(Role.Pharmacy); r++) {
            _setRoleAdmin(_roleHash(Role(r)), REGULATOR_ROLE);
        }
        _setRoleAdmin(REGULATOR_ROLE, REGULATOR_ROLE);
        _register(msg.sender, Role.Regulator, gln, name);
    }

    /// @notice Admit a participant. Regulators only.
    function registerParticipant(address account, Role role, uint64 gln, string calldata name)
        external
        onlyRole(REGULATOR_ROLE)
    {
        _register(account, role, gln, name);
    }

    /// @notice Deactivate a participant: it keeps its history but can no longer act. Regulators only.
    function deactivateParticipant(address account) external onlyRole(REGULATOR_ROLE) {
        Participant storage p = _participants[account];
        if (p.role == Role.None) revert NotRegistered(account);
        if (!p.active) revert AlreadyInactive(account);
        if (account == msg.sender) revert CannotDeactivateSelf();
        p.active = false;
        _revokeRole(_roleHash(p.role), account);
        emit ParticipantDeactivated(account, msg.sender);
    }

    /// @notice Register one of the caller's products. Active manufacturers only; a GTIN has one owner.
    function registerProduct(
        uint64 gtin,
        string calldata name,
        string calldata strength,
        string calldata form,
        uint32 packSize
    ) external {
        _requireRole(msg.sender, Role.Manufacturer);
        if (gtin == 0 || gtin > MAX_GTIN) revert InvalidGTIN(gtin);
        if (packSize == 0) revert InvalidPackSize();
        address owner = _productOwner[gtin];
        if (owner != address(0)) revert ProductExists(gtin, owner);
        _productOwner[gtin] = msg.sender;
        emit ProductRegistered(gtin, msg.sender, name, strength, form, packSize);
    }

    /// @notice Give a product to another active manufacturer. Regulators only.
    function transferProduct(uint64 gtin, address to) external onlyRole(REGULATOR_ROLE) {
        address from = _productOwner[gtin];
        if (from == address(0)) revert UnknownProduct(gtin);
        _requireRole(to, Role.Manufacturer);
        _productOwner[gtin] = to;
        emit ProductTransferred(gtin, from, to, msg.sender);
    }

    /// @notice The stored record of an account (role None if never registered).
    function participant(address account) external view returns (Participant memory) {
        return _participants[account];
    }

    /// @notice The role of an active participant, or None for inactive and unknown accounts.
    function roleOf(address account) external view returns (Role) {
        Participant storage p = _participants[account];
        return p.active ? p.role : Role.None;
    }

    /// @notice The owner of a GTIN, or the zero address when it is not registered.
    function productOwner(uint64 gtin) external view returns (address) {
        return _productOwner[gtin];
    }

    /// @notice The account that holds a GLN, or the zero address.
    function accountOfGLN(uint64 gln) external view returns (address) {
        return _glnAccount[gln];
    }

    /// @notice Refused: use registerParticipant, so that role and participant record never diverge.
    function grantRole(bytes32, address) public pure override {
        revert DirectRoleChangeRefused();
    }

    /// @notice Refused: use deactivateParticipant.
    function revokeRole(bytes32, address) public pure override {
        revert DirectRoleChangeRefused();
    }

    /// @notice Refused: a participant leaves through a regulator, so the record stays true.
    function renounceRole(bytes32, address) public pure override {
        revert DirectRoleChangeRefused();
    }

    function _register(address account, Role role, uint64 gln, string memory name) private {
        if (account == address(0)) revert ZeroAddress();
        if (role == Role.None) revert InvalidRole();
        if (gln == 0 || gln > MAX_GLN) revert InvalidGLN(gln);
        if (_participants[account].role != Role.None) revert AlreadyRegistered(account);
        address holder = _glnAccount[gln];
        if (holder != address(0)) revert GLNInUse(gln, holder);
        _participants[account] = Participant({role: role, active: true, gln: gln});
        _glnAccount[gln] = account;
        _grantRole(_roleHash(role), account);
        emit ParticipantRegistered(account, role, gln, name, msg.sender);
    }

    function _requireRole(address account, Role role) private view {
        Participant storage p = _participants[account];
        if (!p.active) revert InactiveParticipant(account);
        if (p.role != role) revert RoleNotAllowed(account, p.role);
    }

    function _roleHash(Role role) private pure returns (bytes32) {
        if (role == Role.Regulator) return REGULATOR_ROLE;
        if (role == Role.Manufacturer) return MANUFACTURER_ROLE;
        if (role == Role.Distributor) return DISTRIBUTOR_ROLE;
        return PHARMACY_ROLE;
    }
}
