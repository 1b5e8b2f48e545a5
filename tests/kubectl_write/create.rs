//! `kubectl create -f` and `kubectl create namespace`, namespaces, generated names and kinds
//! kubestory stores without simulating.

use super::harness::*;

#[test]
fn generate_name_works_with_create_only() {
    let mut s = Session::new();
    s.write(
        "gen.yaml",
        &pvc("x", "1Gi").replace("name: x", "generateName: data-"),
    );
    let created = s.ok("kubectl create -f gen.yaml");
    assert!(
        created.starts_with("persistentvolumeclaim/data-") && created.ends_with(" created\n"),
        "{created}"
    );
    assert_eq!(
        s.fails("kubectl apply -f gen.yaml"),
        "error: from data-: cannot use generate name with apply\n"
    );
}

#[test]
fn unsimulated_kinds_are_stored_with_a_note() {
    let mut s = Session::new();
    s.write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n");
    let out = s.run("kubectl apply -f svc.yaml");
    assert!(out.success);
    assert_eq!(
        out.stdout(),
        "service/web created\ningress.networking.k8s.io/web created\n"
    );
    assert!(
        out.stderr()
            .contains("kubestory: Service objects are stored"),
        "{}",
        out.stderr()
    );
    assert!(
        out.stderr()
            .contains("kubestory: Ingress objects are stored"),
        "{}",
        out.stderr()
    );
    assert_eq!(
        s.fails("kubectl create -f svc.yaml").lines().next(),
        Some(
            "Error from server (AlreadyExists): error when creating \"svc.yaml\": services \"web\" already exists"
        )
    );
    assert_eq!(
        s.ok("kubectl delete -f svc.yaml"),
        "service \"web\" deleted from default namespace\ningress.networking.k8s.io \"web\" deleted from default namespace\n"
    );
}

#[test]
fn namespaces_follow_the_builder_rules() {
    let mut s = Session::new();
    let in_shop = pvc("data", "1Gi").replace("name: data", "name: data\n  namespace: shop");
    s.write("pvc.yaml", &in_shop);
    assert_eq!(
        s.fails("kubectl apply -f pvc.yaml"),
        "Error from server (NotFound): error when creating \"pvc.yaml\": namespaces \"shop\" not found\n"
    );
    assert_eq!(
        s.ok("kubectl create namespace shop"),
        "namespace/shop created\n"
    );
    assert_eq!(
        s.fails("kubectl apply -f pvc.yaml -n default"),
        "error: the namespace from the provided object \"shop\" does not match the namespace \"default\". You must pass '--namespace=shop' to perform this operation.\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --namespace=shop"),
        "persistentvolumeclaim/data created\n"
    );
    s.write("plain.yaml", &pvc("plain", "1Gi"));
    s.ok("kubectl apply -f plain.yaml -n shop");
    assert!(s.sim.cluster().claim("shop", "plain").is_some());
    // Cluster-scoped kinds ignore -n.
    s.write("sc.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path\n");
    assert_eq!(
        s.ok("kubectl apply -f sc.yaml -n shop"),
        "storageclass.storage.k8s.io/fast created\n"
    );
    assert_eq!(
        s.fails("kubectl create namespace shop"),
        "Error from server (AlreadyExists): namespaces \"shop\" already exists\n"
    );
}

#[test]
fn create_of_an_existing_object_fails_as_kubectl_does() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl create -f pvc.yaml");
    assert_eq!(
        s.fails("kubectl create -f pvc.yaml"),
        "Error from server (AlreadyExists): error when creating \"pvc.yaml\": persistentvolumeclaims \"data\" already exists\n"
    );
}
