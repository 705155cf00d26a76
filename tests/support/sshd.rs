//! A real ssh server for the rsync target's tests (and the git target's over ssh): the system's `sshd` on 127.0.0.1
//! and a free port, with host and client keys made for it in a temporary folder,
//! logging in as the user running the tests. Killed by its process id when dropped.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use tempfile::TempDir;

/// A failure guard only: an sshd that never says it listens fails the test instead
/// of hanging it. No outcome depends on it.
const GUARD: Duration = Duration::from_secs(30);

/// The sshd of Debian's `openssh-server` (`.ci/run` installs it).
const SSHD: &str = "/usr/sbin/sshd";

/// A running sshd; the process is killed when this is dropped.
pub struct Sshd {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    /// Its keys, configuration and known_hosts.
    dir: TempDir,
    /// The user it logs in: the one running the tests.
    pub user: String,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port of 127.0.0.1 nobody listens on: one the system just gave and took back.
pub fn dead_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Makes an ed25519 key without a passphrase at `path` (and `path.pub`).
fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "crisis-site-test",
            "-f",
        ])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen (openssh-client) must be installed; .ci/run installs it");
    assert!(status.success(), "ssh-keygen failed for {}", path.display());
}

impl Sshd {
    /// Starts sshd and waits, up to [`GUARD`], until it says it listens.
    pub fn start() -> Sshd {
        assert!(
            Path::new(SSHD).is_file(),
            "{SSHD} is missing: the rsync tests need openssh-server (bash .ci/run installs it)"
        );
        let user = String::from_utf8(Command::new("whoami").output().unwrap().stdout)
            .unwrap()
            .trim()
            .to_string();
        let dir = tempfile::tempdir().unwrap();
        keygen(&dir.path().join("host_key"));
        keygen(&dir.path().join("client_key"));
        std::fs::copy(
            dir.path().join("client_key.pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        let port = dead_port();
        let config = dir.path().join("sshd_config");
        let d = dir.path().display();
        std::fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1\nPort {port}\nHostKey {d}/host_key\n\
                 AuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\n\
                 StrictModes no\nUsePAM no\nPasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
                 PermitRootLogin prohibit-password\nX11Forwarding no\n\
                 AllowTcpForwarding no\nAllowUsers {user}\n"
            ),
        )
        .unwrap();
        let host_key = std::fs::read_to_string(dir.path().join("host_key.pub")).unwrap();
        let host_key: Vec<&str> = host_key.split_whitespace().take(2).collect();
        std::fs::write(
            dir.path().join("known_hosts"),
            format!("[127.0.0.1]:{port} {}\n", host_key.join(" ")),
        )
        .unwrap();
        let mut child = Command::new(SSHD)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, said) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        // Read to the end, so that sshd never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = send.send(line);
            }
        });
        let mut lines = Vec::new();
        loop {
            match said.recv_timeout(GUARD) {
                Ok(line) if line.starts_with("Server listening on 127.0.0.1") => break,
                Ok(line) => lines.push(line),
                Err(_) => {
                    let _ = child.kill();
                    panic!(
                        "sshd did not start listening within {GUARD:?}; it said:\n{}\n\
                         (as root it needs /run/sshd: mkdir -p /run/sshd; .ci/run makes it)",
                        lines.join("\n")
                    );
                }
            }
        }
        Sshd {
            child,
            port,
            dir,
            user,
        }
    }

    /// `RSYNC_RSH` for the tests: ssh to this server (and no user's ssh
    /// configuration), with the client key and the server's key as the only known
    /// host.
    pub fn rsync_rsh(&self) -> String {
        self.rsh(&self.path("client_key"), &self.path("known_hosts"))
    }

    /// `RSYNC_RSH` for the tests, logging in with the key `key`.
    pub fn rsync_rsh_with(&self, key: &Path) -> String {
        self.rsh(key, &self.path("known_hosts"))
    }

    /// `RSYNC_RSH` for the tests, with `known_hosts` as the hosts known.
    pub fn rsync_rsh_known(&self, known_hosts: &Path) -> String {
        self.rsh(&self.path("client_key"), known_hosts)
    }

    fn rsh(&self, key: &Path, known_hosts: &Path) -> String {
        format!(
            "ssh -F /dev/null -p {} -i {} -o UserKnownHostsFile={} -o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes",
            self.port,
            key.display(),
            known_hosts.display()
        )
    }

    /// The rsync location of the folder `folder` on this server.
    pub fn location(&self, folder: &Path) -> String {
        format!("{}@127.0.0.1:{}", self.user, folder.display())
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}
