// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Registry} from "./Registry.sol";

/// @title BatchLedger — batches of medicines, their serialised packs, custody and decommissioning.
/// @notice A batch is registered once by the owner of its GTIN with a Merkle root over its pack ids
/// (`packId = keccak256(abi.encode(batchId, serial))`, serials never appear in clear). The pack ids are
/// then published in events, in order and in chunks, so every node can rebuild and check the list.
/// Custody is a quantity per holder per batch and moves in two steps (ship, then receive or reject).
/// Each decommissioned pack (supplied to a patient, destroyed, stolen, …) takes one storage slot.
/// @dev Invariant, for every batch at every block: the holders' balances + the units in pending
/// shipments + the decommissioned packs = quantity. Every state change emits an event carrying
/// everything an off-chain mirror needs, so an indexer never calls back into the contract.
contract BatchLedger {
    /// @notice Why a pack left the supply chain (EU FMD decommissioning reasons).
    enum Reason {
        None,
        Supplied,
        Destroyed,
        Stolen,
        Sample,
        FreeSample,
        Exported,
        Locked
    }

    /// @notice The life of a shipment.
    enum ShipmentStatus {
        None,
        Pending,
        Received,
        Rejected,
        Cancelled
    }

    /// @notice A batch as stored: what the ledger itself checks, in one slot, plus the packs root.
    struct Batch {
        address manufacturer;
        uint24 expiryDay; // days since 1970-01-01 (UTC); the pack may be used until the end of that day
        uint32 quantity;
        uint32 published; // pack ids published so far, in order
        bool recalled;
        bytes32 packsRoot;
    }

    /// @notice A shipment as stored.
    struct Shipment {
        address from;
        uint32 quantity;
        ShipmentStatus status;
        address to;
        bytes32 batchId;
    }

    /// @notice A decommissioned pack: who, when, why. One slot.
    struct Decommission {
        address actor;
        uint40 timestamp;
        Reason reason;
    }

    /// @notice How long the actor who decommissioned a pack may undo it (EU FMD: 10 days).
    uint256 public constant UNDO_WINDOW = 10 days;
    /// @notice Longest lot (GS1 AI 10).
    uint256 public constant MAX_LOT_LENGTH = 20;

    /// @notice The participant registry and product directory this ledger trusts.
    Registry public immutable registry;

    uint256 private _nextShipmentId = 1; // nonzero from the start: every ship() then pays a warm update only
    mapping(bytes32 batchId => Batch) private _batches;
    mapping(bytes32 batchId => mapping(address holder => uint256)) private _balances;
    mapping(uint256 shipmentId => Shipment) private _shipments;
    mapping(bytes32 batchId => mapping(bytes32 packId => Decommission)) private _decommissions;

    /// @notice A batch was registered; all its units are held by the manufacturer.
    event BatchRegistered(
        bytes32 indexed batchId,
        uint64 indexed gtin,
        address indexed manufacturer,
        string lot,
        uint32 expiryDay,
        uint32 quantity,
        bytes32 packsRoot,
        bytes32 docHash
    );
    /// @notice Pack ids [offset, offset + packIds.length) of a batch, in publication order.
    event PacksPublished(bytes32 indexed batchId, uint32 offset, bytes32[] packIds);
    /// @notice Units left the sender's balance and wait for the receiver.
    event Shipped(
        uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity
    );
    /// @notice The receiver took the units.
    event ShipmentReceived(
        uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity
    );
    /// @notice The receiver refused the units; they are back with the sender.
    event ShipmentRejected(
        uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity
    );
    /// @notice The sender withdrew the shipment; the units are back with the sender.
    event ShipmentCancelled(
        uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 quantity
    );
    /// @notice Packs left the supply chain; the actor's balance went down by packIds.length. One event
    /// per transaction, not per pack: a 4-topic event per pack would cost about 1.9k gas more per pack.
    event PacksDecommissioned(bytes32 indexed batchId, address indexed actor, Reason reason, bytes32[] packIds);
    /// @notice A decommissioning was undone by its actor; the actor's balance went up by one.
    event PackReactivated(bytes32 indexed batchId, bytes32 indexed packId, address indexed actor, Reason reason);
    /// @notice A batch was recalled: no supply, no shipping except back to its manufacturer.
    event BatchRecalled(bytes32 indexed batchId, address indexed by, string reason);

    /// @notice The caller (or the named account) is not an active participant.
    error InactiveParticipant(address account);
    /// @notice The participant is active but its role may not do this.
    error RoleNotAllowed(address account, Registry.Role role);
    /// @notice Only the GTIN's owner may register batches of it.
    error NotProductOwner(uint64 gtin, address account);
    /// @notice A batch with this GTIN and lot exists already.
    error BatchExists(bytes32 batchId);
    /// @notice No such batch.
    error UnknownBatch(bytes32 batchId);
    /// @notice The lot is empty or longer than 20 characters.
    error InvalidLot();
    /// @notice Zero units, or more than a uint32 holds.
    error InvalidQuantity();
    /// @notice The expiry day is in the past or out of range.
    error InvalidExpiry(uint32 expiryDay);
    /// @notice A batch needs a packs root.
    error InvalidPacksRoot();
    /// @notice Only the batch's manufacturer may do this.
    error NotBatchManufacturer(bytes32 batchId, address account);
    /// @notice Pack ids are published in order: the next chunk starts at `expected`.
    error PublishOutOfOrder(bytes32 batchId, uint32 expected, uint32 offset);
    /// @notice The chunk would publish more pack ids than the batch has units.
    error TooManyPacks(bytes32 batchId, uint32 quantity, uint256 end);
    /// @notice Units cannot move before every pack id of the batch is published.
    error PacksNotPublished(bytes32 batchId, uint32 published, uint32 quantity);
    /// @notice This direction of shipment is not allowed (for example pharmacy to pharmacy).
    error ShipmentNotAllowed(Registry.Role fromRole, Registry.Role toRole);
    /// @notice The holder has fewer units than asked for.
    error InsufficientStock(bytes32 batchId, address holder, uint256 available, uint256 requested);
    /// @notice The batch is recalled.
    error BatchIsRecalled(bytes32 batchId);
    /// @notice The batch is past its expiry date.
    error BatchIsExpired(bytes32 batchId, uint32 expiryDay);
    /// @notice The batch is already recalled.
    error AlreadyRecalled(bytes32 batchId);
    /// @notice No such shipment.
    error UnknownShipment(uint256 shipmentId);
    /// @notice The shipment was already received, rejected or cancelled.
    error ShipmentNotPending(uint256 shipmentId, ShipmentStatus status);
    /// @notice Only the shipment's receiver may receive or reject it.
    error NotShipmentReceiver(uint256 shipmentId, address account);
    /// @notice Only the shipment's sender may cancel it.
    error NotShipmentSender(uint256 shipmentId, address account);
    /// @notice The Merkle proof does not place the pack(s) in the batch.
    error InvalidProof(bytes32 batchId);
    /// @notice Reason None is not a reason.
    error InvalidReason();
    /// @notice The pack is already decommissioned (EU FMD PCK_19 / PCK_22).
    error AlreadyDecommissioned(bytes32 batchId, bytes32 packId, address actor, Reason reason);
    /// @notice The pack is active; there is nothing to undo.
    error NotDecommissioned(bytes32 batchId, bytes32 packId);
    /// @notice Only the actor who decommissioned the pack may undo it (EU FMD PCK_21).
    error UndoByOtherActor(bytes32 batchId, bytes32 packId, address actor);
    /// @notice The 10-day undo window has passed (EU FMD PCK_20).
    error UndoWindowClosed(bytes32 batchId, bytes32 packId, uint40 decommissionedAt);
    /// @notice Destroyed and stolen are terminal states.
    error UndoNotAllowed(bytes32 batchId, bytes32 packId, Reason reason);

    /// @param registry_ the Registry deployed for this chain.
    constructor(Registry registry_) {
        registry = registry_;
    }

    // ---------------------------------------------------------------- batches and packs

    /// @notice Register a batch of one of the caller's products. All units start with the caller.
    /// @param expiryDay the expiry date as days since 1970-01-01 (UTC); AI 17 day 00 resolved off-chain.
    /// @param packsRoot the OpenZeppelin StandardMerkleTree root over the batch's pack ids.
    /// @param docHash hash of a document such as the certificate of analysis (kept in the event only).
    /// @return batchId keccak256(abi.encode(gtin, lot)).
    function registerBatch(
        uint64 gtin,
        string calldata lot,
        uint32 expiryDay,
        uint32 quantity,
        bytes32 packsRoot,
        bytes32 docHash
    ) external returns (bytes32 batchId) {
        _requireRole(msg.sender, Registry.Role.Manufacturer);
        if (registry.productOwner(gtin) != msg.sender) revert NotProductOwner(gtin, msg.sender);
        uint256 lotLength = bytes(lot).length;
        if (lotLength == 0 || lotLength > MAX_LOT_LENGTH) revert InvalidLot();
        if (quantity == 0) revert InvalidQuantity();
        if (expiryDay < block.timestamp / 1 days || expiryDay > type(uint24).max) revert InvalidExpiry(expiryDay);
        if (packsRoot == bytes32(0)) revert InvalidPacksRoot();
        batchId = keccak256(abi.encode(gtin, lot));
        Batch storage b = _batches[batchId];
        if (b.manufacturer != address(0)) revert BatchExists(batchId);
        b.manufacturer = msg.sender;
        b.expiryDay = uint24(expiryDay);
        b.quantity = quantity;
        b.packsRoot = packsRoot;
        _balances[batchId][msg.sender] = quantity;
        emit BatchRegistered(batchId, gtin, msg.sender, lot, expiryDay, quantity, packsRoot, docHash);
    }

    /// @notice Publish the next chunk of a batch's pack ids. The batch's manufacturer only, in order.
    function publishPacks(bytes32 batchId, uint32 offset, bytes32[] calldata packIds) external {
        Batch storage b = _batch(batchId);
        if (b.manufacturer != msg.sender) revert NotBatchManufacturer(batchId, msg.sender);
        _requireActive(msg.sender);
        uint32 published = b.published;
        if (offset != published) revert PublishOutOfOrder(batchId, published, offset);
        uint256 end = uint256(published) + packIds.length;
        if (packIds.length == 0 || end > b.quantity) revert TooManyPacks(batchId, b.quantity, end);
        b.published = uint32(end);
        emit PacksPublished(batchId, offset, packIds);
    }

    /// @notice Recall a batch. Its manufacturer or a regulator.
    function recall(bytes32 batchId, string calldata reason) external {
        Batch storage b = _batch(batchId);
        Registry.Role role = _requireActive(msg.sender);
        if (role != Registry.Role.Regulator && b.manufacturer != msg.sender) {
            revert NotBatchManufacturer(batchId, msg.sender);
        }
        if (b.recalled) revert AlreadyRecalled(batchId);
        b.recalled = true;
        emit BatchRecalled(batchId, msg.sender, reason);
    }

    // ---------------------------------------------------------------- custody

    /// @notice Ship units to another participant; they wait in a pending shipment until received.
    /// @dev Allowed directions: manufacturer to distributor or pharmacy; distributor to distributor or
    /// pharmacy; returns upstream (pharmacy to distributor, anyone to the batch's own manufacturer).
    /// A recalled or expired batch only goes back to its manufacturer.
    function ship(bytes32 batchId, address to, uint32 quantity) external returns (uint256 shipmentId) {
        Batch storage b = _batch(batchId);
        Registry.Role fromRole = _requireActive(msg.sender);
        Registry.Role toRole = _requireActive(to);
        bool toManufacturer = to == b.manufacturer;
        if (to == msg.sender || !_directionAllowed(fromRole, toRole, toManufacturer)) {
            revert ShipmentNotAllowed(fromRole, toRole);
        }
        _requirePublished(batchId, b);
        if (!toManufacturer) {
            if (b.recalled) revert BatchIsRecalled(batchId);
            if (_expired(b)) revert BatchIsExpired(batchId, b.expiryDay);
        }
        if (quantity == 0) revert InvalidQuantity();
        _take(batchId, msg.sender, quantity);
        shipmentId = _nextShipmentId++;
        _shipments[shipmentId] = Shipment({
            from: msg.sender, quantity: quantity, status: ShipmentStatus.Pending, to: to, batchId: batchId
        });
        emit Shipped(shipmentId, batchId, msg.sender, to, quantity);
    }

    /// @notice Take the units of a pending shipment. Its receiver only.
    function receiveShipment(uint256 shipmentId) external {
        Shipment storage s = _pendingShipment(shipmentId);
        if (s.to != msg.sender) revert NotShipmentReceiver(shipmentId, msg.sender);
        _requireActive(msg.sender);
        s.status = ShipmentStatus.Received;
        _balances[s.batchId][s.to] += s.quantity;
        emit ShipmentReceived(shipmentId, s.batchId, s.from, s.to, s.quantity);
    }

    /// @notice Refuse a pending shipment; the units go back to the sender. Its receiver only.
    function rejectShipment(uint256 shipmentId) external {
        Shipment storage s = _pendingShipment(shipmentId);
        if (s.to != msg.sender) revert NotShipmentReceiver(shipmentId, msg.sender);
        _requireActive(msg.sender);
        s.status = ShipmentStatus.Rejected;
        _balances[s.batchId][s.from] += s.quantity;
        emit ShipmentRejected(shipmentId, s.batchId, s.from, s.to, s.quantity);
    }

    /// @notice Withdraw a pending shipment; the units come back. Its sender only.
    function cancelShipment(uint256 shipmentId) external {
        Shipment storage s = _pendingShipment(shipmentId);
        if (s.from != msg.sender) revert NotShipmentSender(shipmentId, msg.sender);
        _requireActive(msg.sender);
        s.status = ShipmentStatus.Cancelled;
        _balances[s.batchId][s.from] += s.quantity;
        emit ShipmentCancelled(shipmentId, s.batchId, s.from, s.to, s.quantity);
    }

    // ---------------------------------------------------------------- decommissioning

    /// @notice Decommission one pack of a batch the caller holds units of.
    /// @param proof the pack's proof in the batch's packs tree.
    /// @param reason Supplied (dispensed to a patient; pharmacies only) or another EU FMD reason.
    function decommission(bytes32 batchId, bytes32 packId, bytes32[] calldata proof, Reason reason) external {
        bytes32 root = _checkDecommission(batchId, reason);
        if (!MerkleProof.verifyCalldata(proof, root, _leaf(packId))) revert InvalidProof(batchId);
        _take(batchId, msg.sender, 1);
        _decommission(batchId, packId, reason);
        bytes32[] memory ids = new bytes32[](1);
        ids[0] = packId;
        emit PacksDecommissioned(batchId, msg.sender, reason, ids);
    }

    /// @notice Decommission several packs of one batch with one OpenZeppelin multiproof.
    /// @param packIds the packs, in the order of the multiproof's leaves.
    /// @param proofFlagBits the multiproof's flags as a bitmap, flag i at bit i % 256 of word i / 256.
    /// A multiproof has packIds.length + proof.length - 1 flags; as bool[] (for multiProofVerifyCalldata)
    /// each would take a 32-byte calldata word: about 1.4k gas more per pack at ten packs per transaction.
    function decommissionMany(
        bytes32 batchId,
        bytes32[] calldata packIds,
        bytes32[] calldata proof,
        uint256[] calldata proofFlagBits,
        Reason reason
    ) external {
        bytes32 root = _checkDecommission(batchId, reason);
        uint256 n = packIds.length;
        if (n == 0) revert InvalidQuantity();
        bytes32[] memory leaves = _leaves(packIds);
        bool[] memory flags = _flags(proofFlagBits, n + proof.length - 1);
        if (!MerkleProof.multiProofVerify(proof, flags, root, leaves)) revert InvalidProof(batchId);
        _take(batchId, msg.sender, n);
        _decommissionAll(batchId, packIds, reason);
        emit PacksDecommissioned(batchId, msg.sender, reason, packIds);
    }

    /// @notice Undo a decommissioning: the same actor, within 10 days, batch neither expired nor
    /// recalled, never from destroyed or stolen. The pack returns to the actor's balance.
    function reactivate(bytes32 batchId, bytes32 packId) external {
        Decommission memory d = _decommissions[batchId][packId];
        if (d.actor == address(0)) revert NotDecommissioned(batchId, packId);
        if (d.actor != msg.sender) revert UndoByOtherActor(batchId, packId, d.actor);
        _requireActive(msg.sender);
        if (d.reason == Reason.Destroyed || d.reason == Reason.Stolen) {
            revert UndoNotAllowed(batchId, packId, d.reason);
        }
        if (block.timestamp > uint256(d.timestamp) + UNDO_WINDOW) revert UndoWindowClosed(batchId, packId, d.timestamp);
        Batch storage b = _batches[batchId];
        if (b.recalled) revert BatchIsRecalled(batchId);
        if (_expired(b)) revert BatchIsExpired(batchId, b.expiryDay);
        delete _decommissions[batchId][packId];
        _balances[batchId][msg.sender] += 1;
        emit PackReactivated(batchId, packId, msg.sender, d.reason);
    }

    // ---------------------------------------------------------------- views

    /// @notice A batch as stored (manufacturer zero when unknown).
    function batch(bytes32 batchId) external view returns (Batch memory) {
        return _batches[batchId];
    }

    /// @notice Units of a batch held by an account.
    function balanceOf(bytes32 batchId, address holder) external view returns (uint256) {
        return _balances[batchId][holder];
    }

    /// @notice A shipment as stored (status None when unknown).
    function shipment(uint256 shipmentId) external view returns (Shipment memory) {
        return _shipments[shipmentId];
    }

    /// @notice The id the next shipment will get; ids start at 1.
    function nextShipmentId() external view returns (uint256) {
        return _nextShipmentId;
    }

    /// @notice How a pack was decommissioned (actor zero when active).
    function decommissionOf(bytes32 batchId, bytes32 packId) external view returns (Decommission memory) {
        return _decommissions[batchId][packId];
    }

    /// @notice Whether a batch is past its expiry date at this block.
    function isExpired(bytes32 batchId) external view returns (bool) {
        return _expired(_batch(batchId));
    }

    // ---------------------------------------------------------------- internals

    /// @dev Every check before the proof, in this order; returns the batch's packs root. The batch is
    /// read once (its two slots), not field by field.
    function _checkDecommission(bytes32 batchId, Reason reason) private view returns (bytes32) {
        Batch memory b = _batches[batchId];
        if (b.manufacturer == address(0)) revert UnknownBatch(batchId);
        Registry.Role role = _requireActive(msg.sender);
        if (reason == Reason.None) revert InvalidReason();
        if (role == Registry.Role.Regulator) revert RoleNotAllowed(msg.sender, role);
        if (b.published != b.quantity) revert PacksNotPublished(batchId, b.published, b.quantity);
        if (reason == Reason.Supplied) {
            if (role != Registry.Role.Pharmacy) revert RoleNotAllowed(msg.sender, role);
            if (b.recalled) revert BatchIsRecalled(batchId);
            if (block.timestamp / 1 days > b.expiryDay) revert BatchIsExpired(batchId, b.expiryDay);
        }
        return b.packsRoot;
    }

    /// @dev The Decommission struct of the caller, now, for a reason, as its storage slot holds it
    /// (Solidity packs the members from the low-order bytes): actor in bits 0-159, timestamp in
    /// 160-199, reason in 200-207. decommissionOf and reactivate read it back as the struct.
    function _record(Reason reason) private view returns (uint256) {
        return uint256(uint160(msg.sender)) | (uint256(uint40(block.timestamp)) << 160) | (uint256(reason) << 200);
    }

    /// @dev The StandardMerkleTree leaves of the packs: _leaf of each, hashed in scratch space.
    function _leaves(bytes32[] calldata packIds) private pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](packIds.length);
        assembly ("memory-safe") {
            let out := add(leaves, 0x20)
            for {
                let p := packIds.offset
                let end := add(p, shl(5, packIds.length))
            } lt(p, end) {
                p := add(p, 0x20)
                out := add(out, 0x20)
            } {
                mstore(0x00, calldataload(p))
                mstore(0x00, keccak256(0x00, 0x20))
                mstore(out, keccak256(0x00, 0x20))
            }
        }
    }

    /// @dev The multiproof flags as bool[]: flag i is bit i % 256 of bits[i / 256]. Bits from flagCount on
    /// are ignored. The array starts all false and only the set bits are written, found with CLZ (an
    /// Osaka opcode, EIP-7939): a multiproof has one set flag per merge of two queued hashes, so
    /// packs - 1 of them. Writing every flag cost about 470 gas more per pack at ten packs per tx.
    function _flags(uint256[] calldata bits, uint256 flagCount) private pure returns (bool[] memory flags) {
        if (bits.length * 256 < flagCount) revert MerkleProof.MerkleProofInvalidMultiproof();
        flags = new bool[](flagCount);
        assembly ("memory-safe") {
            let base := add(flags, 0x20)
            for { let w := 0 } lt(shl(8, w), flagCount) { w := add(w, 1) } {
                let word := calldataload(add(bits.offset, shl(5, w)))
                let left := sub(flagCount, shl(8, w)) // flags in this word and after
                if lt(left, 256) { word := and(word, sub(shl(left, 1), 1)) }
                let out := add(base, shl(13, w)) // 256 flags of 32 bytes per word
                for {} word {} {
                    let bit := sub(255, clz(word))
                    mstore(add(out, shl(5, bit)), 1)
                    word := xor(word, shl(bit, 1))
                }
            }
        }
    }

    /// @dev Records the decommissioning in the pack's slot; AlreadyDecommissioned if the slot is taken.
    function _decommission(bytes32 batchId, bytes32 packId, Reason reason) private {
        Decommission storage d = _decommissions[batchId][packId];
        address actor = d.actor;
        if (actor != address(0)) revert AlreadyDecommissioned(batchId, packId, actor, d.reason);
        uint256 record = _record(reason);
        assembly ("memory-safe") {
            sstore(d.slot, record) // one SSTORE of the whole slot
        }
    }

    /// @dev _decommission for every pack, in order. The mapping slot of the batch is computed once,
    /// and a taken slot stops the loop: the revert then reads who took it.
    function _decommissionAll(bytes32 batchId, bytes32[] calldata packIds, Reason reason) private {
        mapping(bytes32 => Decommission) storage packs = _decommissions[batchId];
        uint256 record = _record(reason);
        uint256 taken = type(uint256).max;
        assembly ("memory-safe") {
            mstore(0x20, packs.slot)
            for {
                let p := packIds.offset
                let end := add(p, shl(5, packIds.length))
            } lt(p, end) { p := add(p, 0x20) } {
                mstore(0x00, calldataload(p))
                let slot := keccak256(0x00, 0x40)
                if sload(slot) {
                    taken := p
                    break
                }
                sstore(slot, record) // one SSTORE of the whole slot
            }
        }
        if (taken != type(uint256).max) {
            bytes32 packId;
            assembly ("memory-safe") {
                packId := calldataload(taken)
            }
            Decommission storage d = packs[packId];
            revert AlreadyDecommissioned(batchId, packId, d.actor, d.reason);
        }
    }

    function _take(bytes32 batchId, address holder, uint256 quantity) private {
        uint256 available = _balances[batchId][holder];
        if (available < quantity) revert InsufficientStock(batchId, holder, available, quantity);
        unchecked {
            _balances[batchId][holder] = available - quantity;
        }
    }

    function _batch(bytes32 batchId) private view returns (Batch storage b) {
        b = _batches[batchId];
        if (b.manufacturer == address(0)) revert UnknownBatch(batchId);
    }

    function _pendingShipment(uint256 shipmentId) private view returns (Shipment storage s) {
        s = _shipments[shipmentId];
        if (s.status == ShipmentStatus.None) revert UnknownShipment(shipmentId);
        if (s.status != ShipmentStatus.Pending) revert ShipmentNotPending(shipmentId, s.status);
    }

    function _requirePublished(bytes32 batchId, Batch storage b) private view {
        if (b.published != b.quantity) revert PacksNotPublished(batchId, b.published, b.quantity);
    }

    function _requireActive(address account) private view returns (Registry.Role role) {
        role = registry.roleOf(account);
        if (role == Registry.Role.None) revert InactiveParticipant(account);
    }

    function _requireRole(address account, Registry.Role wanted) private view {
        Registry.Role role = _requireActive(account);
        if (role != wanted) revert RoleNotAllowed(account, role);
    }

    function _expired(Batch storage b) private view returns (bool) {
        return block.timestamp / 1 days > b.expiryDay;
    }

    function _directionAllowed(Registry.Role fromRole, Registry.Role toRole, bool toBatchManufacturer)
        private
        pure
        returns (bool)
    {
        if (toRole == Registry.Role.Manufacturer) {
            // Only returns, and only to the manufacturer of this batch.
            return toBatchManufacturer && fromRole != Registry.Role.Manufacturer && fromRole != Registry.Role.Regulator;
        }
        if (fromRole == Registry.Role.Manufacturer || fromRole == Registry.Role.Distributor) {
            return toRole == Registry.Role.Distributor || toRole == Registry.Role.Pharmacy;
        }
        if (fromRole == Registry.Role.Pharmacy) {
            return toRole == Registry.Role.Distributor;
        }
        return false;
    }

    /// @dev OpenZeppelin StandardMerkleTree leaf for a bytes32 value: double hashed against second preimages.
    function _leaf(bytes32 packId) private pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(packId))));
    }
}
