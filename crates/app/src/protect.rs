//! Exports protected with a passphrase: the portable JSON sealed with Argon2id and ChaCha20-Poly1305 (`docs/protected-export.md`).

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use zeroize::Zeroizing;

/// The first bytes of a protected file. A portable JSON export starts with `{`, so the two can
/// never be mistaken for each other.
pub const MAGIC: &[u8; 25] = b"soc2-readiness/protected\n";
pub const VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 12;
/// Magic, version, KDF id, memory (KiB), passes, lanes (u32 little-endian each), salt, nonce.
const HEADER_BYTES: usize = MAGIC.len() + 2 + 12 + SALT_BYTES + NONCE_BYTES;

/// The cost a new file is sealed with: OWASP's first Argon2id choice (19 MiB, 2 passes, 1 lane),
/// a fraction of a second on a laptop, yet each guess at a passphrase costs as much.
pub const SEAL_COST: Cost = Cost {
    memory_kib: 19 * 1024,
    passes: 2,
    lanes: 1,
};

/// The most a file may ask of this machine to open it; a larger cost in a header is refused
/// rather than run, so a crafted file cannot make the app allocate gigabytes or hang.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 16;
const MAX_LANES: u32 = 8;

/// The Argon2id parameters recorded in a file's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cost {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ProtectError {
    #[error("the file is protected with a passphrase; give its passphrase to open it")]
    NeedsPassphrase,
    #[error(
        "the passphrase does not open this file (a wrong passphrase, or a file changed after it was protected)"
    )]
    WrongPassphrase,
    #[error("a passphrase must not be empty")]
    EmptyPassphrase,
    #[error("the protected file is damaged: {0}")]
    Damaged(&'static str),
    #[error(
        "the protected file uses version {0}; this version of SOC 2 Readiness reads version {VERSION} (update the app)"
    )]
    UnsupportedVersion(u8),
}

/// True when `bytes` start like a protected file, whole or not.
pub fn is_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Seals `plain` under `passphrase` with a fresh salt and nonce, at [`SEAL_COST`].
pub fn seal(plain: &[u8], passphrase: &str) -> Result<Vec<u8>, ProtectError> {
    seal_at(plain, passphrase, SEAL_COST)
}

/// [`seal`] at a chosen cost; tests use a cheap one, and opening reads the cost from the header.
pub fn seal_at(plain: &[u8], passphrase: &str, cost: Cost) -> Result<Vec<u8>, ProtectError> {
    if passphrase.is_empty() {
        return Err(ProtectError::EmptyPassphrase);
    }
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut nonce);
    let mut header = Vec::with_capacity(HEADER_BYTES + plain.len() + 16);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&[VERSION, KDF_ARGON2ID]);
    for value in [cost.memory_kib, cost.passes, cost.lanes] {
        header.extend_from_slice(&value.to_le_bytes());
    }
    header.extend_from_slice(&salt);
    header.extend_from_slice(&nonce);
    let key = derive_key(passphrase, &salt, cost)?;
    // The header is authenticated too: a changed cost, salt or version is refused like a
    // changed byte of the ciphertext.
    let sealed = ChaCha20Poly1305::new(Key::from_slice(key.as_slice()))
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &header,
            },
        )
        .expect("sealing in memory cannot fail");
    header.extend_from_slice(&sealed);
    Ok(header)
}

/// The plain bytes of a protected file. Only reads: a wrong passphrase leaves everything as it was.
pub fn open(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, ProtectError> {
    if passphrase.is_empty() {
        return Err(ProtectError::EmptyPassphrase);
    }
    let header = Header::read(bytes)?;
    let key = derive_key(passphrase, &header.salt, header.cost)?;
    ChaCha20Poly1305::new(Key::from_slice(key.as_slice()))
        .decrypt(
            Nonce::from_slice(&header.nonce),
            Payload {
                msg: &bytes[HEADER_BYTES..],
                aad: &bytes[..HEADER_BYTES],
            },
        )
        .map_err(|_| ProtectError::WrongPassphrase)
}

/// `bytes` as they are when plain; opened with the passphrase when protected, which then
/// needs one.
pub fn reveal(bytes: Vec<u8>, passphrase: Option<&str>) -> Result<Vec<u8>, ProtectError> {
    if !is_protected(&bytes) {
        return Ok(bytes);
    }
    open(&bytes, passphrase.ok_or(ProtectError::NeedsPassphrase)?)
}

struct Header {
    cost: Cost,
    salt: [u8; SALT_BYTES],
    nonce: [u8; NONCE_BYTES],
}

impl Header {
    fn read(bytes: &[u8]) -> Result<Header, ProtectError> {
        if !is_protected(bytes) {
            return Err(ProtectError::Damaged(
                "it does not start as a protected file",
            ));
        }
        let version = bytes.get(MAGIC.len()).copied();
        if let Some(version) = version.filter(|v| *v != VERSION) {
            return Err(ProtectError::UnsupportedVersion(version));
        }
        // The tag alone is 16 bytes, so anything shorter lost its end.
        if bytes.len() < HEADER_BYTES + 16 {
            return Err(ProtectError::Damaged("it is cut short"));
        }
        if bytes[MAGIC.len() + 1] != KDF_ARGON2ID {
            return Err(ProtectError::Damaged("it names an unknown key derivation"));
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let params = MAGIC.len() + 2;
        let cost = Cost {
            memory_kib: u32_at(params),
            passes: u32_at(params + 4),
            lanes: u32_at(params + 8),
        };
        if cost.memory_kib > MAX_MEMORY_KIB || cost.passes > MAX_PASSES || cost.lanes > MAX_LANES {
            return Err(ProtectError::Damaged(
                "its key derivation asks for more than this app allows",
            ));
        }
        let salt_at = params + 12;
        let nonce_at = salt_at + SALT_BYTES;
        Ok(Header {
            cost,
            salt: bytes[salt_at..nonce_at].try_into().expect("salt bytes"),
            nonce: bytes[nonce_at..HEADER_BYTES]
                .try_into()
                .expect("nonce bytes"),
        })
    }
}

fn derive_key(
    passphrase: &str,
    salt: &[u8],
    cost: Cost,
) -> Result<Zeroizing<[u8; 32]>, ProtectError> {
    let params = Params::new(cost.memory_kib, cost.passes, cost.lanes, Some(32))
        .map_err(|_| ProtectError::Damaged("its key derivation parameters are out of range"))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut_slice())
        .map_err(|_| ProtectError::Damaged("its key derivation parameters are out of range"))?;
    Ok(key)
}
