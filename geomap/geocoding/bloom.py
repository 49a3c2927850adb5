"""A Bloom filter over the store's name keys, so ``has_name`` answers "no" without touching SQLite.

Nearly every token n-gram of an article is not a place name. The filter is computed when a store is written
(about 12 bits per key, four probes: ≈0.5 % false positives, which the caller confirms with an indexed query)
and saved in the store, so opening it costs a 1–2 MB read. Hashing is blake2b, stable across processes.
"""
from __future__ import annotations

import sqlite3
from hashlib import blake2b

import numpy as np

PROBES = 4
BITS_PER_KEY = 12
BLOB_KEY = "name_bloom"


def _hash_pair(key: str) -> tuple[int, int]:
    digest = blake2b(key.encode("utf-8"), digest_size=16).digest()
    return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1


def might_contain(bits: bytes, mask: int, key: str) -> bool:
    """False means ``key`` is certainly not indexed; True means it probably is."""
    pos, step = _hash_pair(key)
    for _ in range(PROBES):
        pos &= mask
        if not bits[pos >> 3] & (1 << (pos & 7)):
            return False
        pos += step
    return True


def build(conn: sqlite3.Connection) -> tuple[bytes, int]:
    """(bits, mask) for every distinct ``names.norm`` in the store behind ``conn``."""
    count = conn.execute("SELECT count(*) FROM names").fetchone()[0]
    size = 1 << max(16, (max(1, count) * BITS_PER_KEY - 1).bit_length())
    mask = size - 1
    pairs = np.array([_hash_pair(key) for (key,) in conn.execute("SELECT DISTINCT norm FROM names")],
                     dtype=np.uint64).reshape(-1, 2)
    positions = []
    pos, step = pairs[:, 0].copy(), pairs[:, 1]
    for _ in range(PROBES):
        pos &= np.uint64(mask)
        positions.append(pos.copy())
        pos += step  # wraps modulo 2**64, as Python's masking does
    flags = np.zeros(size, dtype=bool)
    if positions:
        flags[np.concatenate(positions).astype(np.int64)] = True
    return np.packbits(flags, bitorder="little").tobytes(), mask


def save(conn: sqlite3.Connection) -> None:
    """Compute the filter and store it in the ``blobs`` table (mask in the key's companion row)."""
    bits, mask = build(conn)
    conn.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (BLOB_KEY, bits))
    conn.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (BLOB_KEY + "_mask", str(mask).encode()))


def load(conn: sqlite3.Connection) -> tuple[bytes, int] | None:
    """The saved filter, or None when the store has none (then the caller builds one)."""
    rows = dict(conn.execute("SELECT key, value FROM blobs WHERE key IN (?, ?)", (BLOB_KEY, BLOB_KEY + "_mask")))
    if BLOB_KEY not in rows or BLOB_KEY + "_mask" not in rows:
        return None
    return bytes(rows[BLOB_KEY]), int(bytes(rows[BLOB_KEY + "_mask"]).decode())
