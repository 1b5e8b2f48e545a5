use super::harness::*;

#[test]
fn scratch() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    for line in [
        "kubectl apply -f pvc.yaml",
        "kubectl apply -f pvc.yaml",
        "kubectl apply -f pvc.yaml -o yaml",
        "kubectl create -f pvc.yaml",
        "kubectl apply -f missing.yaml",
        "kubectl apply -f pvc.yaml -n other",
        "kubectl delete pvc data nope",
        "kubectl delete pvc --all",
        "kubectl delete pvc --all",
    ] {
        let out = s.run(line);
        println!("$ {line}\n{}[{}]", out.combined(), out.success);
    }
}
