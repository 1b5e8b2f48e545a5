//! What kubectl prints when the API server cannot be reached: the control-plane node is down
//! (issue 11, "The control plane is a node that can fail").
//!
//! kubectl turns a failed connection into one line in `StandardErrorMessage`
//! (kubectl `pkg/cmd/util/helpers.go`): a `*url.Error` whose cause contains "connection
//! refused" becomes `The connection to the server HOST was refused - did you specify the right
//! host or port?`, any other becomes `Unable to connect to the server: CAUSE`. Which one a
//! learner meets depends on what is gone. When only the API server process stops, its
//! machine answers the TCP handshake with a reset: "connection refused". When the whole
//! minikube node stops (a failed or stopped VM, or the docker driver's container), nothing
//! owns 192.168.49.2 on the host's bridge any more, the kernel's neighbour lookup fails and
//! Go's dialer reports `dial tcp 192.168.49.2:8443: connect: no route to host` (EHOSTUNREACH).
//! `node fail` stops the machine, so kubestory prints the second.
//!
//! Before that line real kubectl also logs, through klog, the failed discovery requests of
//! client-go's cached discovery (`memcache.go`: `couldn't get current server API group list`),
//! with the wall-clock time and its process id; those log lines are not printed (as
//! kubestory prints no klog line elsewhere). Flag and argument errors are found before any
//! connection, so they are printed as usual; `kubectl version` prints the client's versions
//! first (kubectl `pkg/cmd/version/version.go` returns the server error after printing), and
//! `kubectl version --client` needs no server at all.

use super::{Invocation, Output, Verb};
use crate::sim::Cluster;
use crate::sim::profile::ApiServer;

/// kubectl's line for a dial that fails (`StandardErrorMessage`): "connection refused" where
/// the port is forwarded from the host's loopback and the forward went with the node (kind),
/// EHOSTUNREACH where kubectl dials the node's own address (minikube's docker driver).
pub fn unreachable_message(server: &ApiServer) -> String {
    let address = &server.address;
    if server.refused {
        format!(
            "The connection to the server {address} was refused - did you specify the right host or port?"
        )
    } else {
        format!("Unable to connect to the server: dial tcp {address}: connect: no route to host")
    }
}

/// When the API server cannot be reached and the command needs it, what kubectl prints
/// instead of running it; `None` when the command can run.
pub fn refuse_unreachable(inv: &Invocation, cluster: &Cluster) -> Option<Output> {
    if cluster.api_reachable() {
        return None;
    }
    if inv.verb == Verb::Version && inv.flags.client_only {
        return None;
    }
    let address = cluster.api_server_or_default();
    let mut out = Output::new();
    if inv.verb == Verb::Version {
        let mut client = inv.clone();
        client.flags.client_only = true;
        out.out(super::verbs::misc::version(&client).stdout());
        out.err_line(unreachable_message(&address)).fail();
        out.err_line(super::strings::VERSION_NOTE);
    } else {
        out.err_line(unreachable_message(&address)).fail();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::{Context, MemoryFiles, execute};
    use crate::sim::{ClusterConfig, Simulation};

    fn two_nodes() -> Simulation {
        let mut config = ClusterConfig::default();
        config.set_nodes(ClusterConfig::minikube_node_names(2));
        Simulation::new(Cluster::new(config))
    }

    fn run(sim: &mut Simulation, line: &str) -> crate::kubectl::Output {
        let files = MemoryFiles::default();
        let mut ctx = Context { sim, files: &files };
        execute(line, &mut ctx)
    }

    /// kubectl `pkg/cmd/util/helpers.go` `StandardErrorMessage`: `Unable to connect to the
    /// server: %v` with the dial error of an address nobody owns (EHOSTUNREACH).
    #[test]
    fn every_server_command_fails_with_helpers_go_standard_error_message() {
        let mut sim = two_nodes();
        sim.act("fail", |c| c.fail_node("minikube")).unwrap();
        for line in [
            "kubectl get pods",
            "kubectl get nodes",
            "kubectl describe node minikube-m02",
            "kubectl delete pod x",
            "kubectl api-resources",
            "kubectl cordon minikube-m02",
        ] {
            let out = run(&mut sim, line);
            assert!(!out.success, "{line} fails");
            assert_eq!(out.stdout(), "", "{line} prints nothing on stdout");
            assert_eq!(
                out.stderr(),
                "Unable to connect to the server: dial tcp 192.168.49.2:8443: connect: no route to host\n",
                "{line}"
            );
        }
    }

    /// kubectl `pkg/cmd/version/version.go`: the client's versions are printed, then the
    /// server's error is returned; `--client` never asks the server.
    #[test]
    fn version_prints_the_client_then_the_error_and_client_only_needs_no_server() {
        let mut sim = two_nodes();
        sim.act("fail", |c| c.fail_node("minikube")).unwrap();
        let out = run(&mut sim, "kubectl version");
        assert!(!out.success);
        assert!(out.stdout().starts_with("Client Version: "));
        assert!(!out.stdout().contains("Server Version"));
        assert!(out.stderr().contains("Unable to connect to the server: "));
        let client = run(&mut sim, "kubectl version --client");
        assert!(client.success, "{}", client.combined());
    }

    /// Flags are parsed before any connection (cobra, then the command's Complete): an
    /// unknown flag is reported as usual.
    #[test]
    fn a_bad_flag_is_reported_before_any_connection() {
        let mut sim = two_nodes();
        sim.act("fail", |c| c.fail_node("minikube")).unwrap();
        let out = run(&mut sim, "kubectl get pods --nope");
        assert!(
            out.stderr().contains("unknown flag: --nope"),
            "{}",
            out.stderr()
        );
    }

    /// The cluster's own API refuses too, with the same line: nothing reaches the store
    /// while the API server is down (a direct caller cannot slip a write past kubectl's gate).
    #[test]
    fn the_cluster_api_refuses_writes_while_the_control_plane_is_down() {
        let mut sim = two_nodes();
        sim.act("fail", |c| c.fail_node("minikube")).unwrap();
        let before = sim.cluster().clone();
        let mut c = sim.cluster().clone();
        let err = c.cordon("minikube-m02", true).unwrap_err();
        assert_eq!(
            err,
            crate::sim::ApiError::Unreachable(unreachable_message(&ApiServer {
                address: "192.168.49.2:8443".into(),
                refused: false
            }))
        );
        assert!(c == before, "nothing changed");
    }

    /// A worker's failure leaves the API server up.
    #[test]
    fn a_failed_worker_leaves_kubectl_working() {
        let mut sim = two_nodes();
        sim.act("fail", |c| c.fail_node("minikube-m02")).unwrap();
        assert!(run(&mut sim, "kubectl get nodes").success);
        sim.act("recover", |c| c.recover_node("minikube-m02"))
            .unwrap();
        sim.act("fail", |c| c.fail_node("minikube")).unwrap();
        sim.act("recover", |c| c.recover_node("minikube")).unwrap();
        assert!(run(&mut sim, "kubectl get nodes").success);
    }
}
