use super::harness::*;

fn show(s: &mut Session, lines: &[&str]) {
    for line in lines {
        let out = s.run(line);
        println!("$ {line}\n{}[{}]", out.combined(), out.success);
    }
}

#[test]
fn scratch() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.write("pvc2.yaml", &pvc("data", "2Gi"));
    s.write(
        "pvc3.yaml",
        &pvc("data", "1Gi").replace("ReadWriteOnce", "ReadWriteMany"),
    );
    s.write(
        "ns.yaml",
        &pvc("data", "1Gi").replace("name: data", "name: data\n  namespace: shop"),
    );
    s.write(
        "gen.yaml",
        &pvc("data", "1Gi").replace("name: data", "generateName: data-"),
    );
    s.write(
        "mixed.yaml",
        &format!(
            "{}---\n{}---\n{}",
            pvc("a", "1Gi"),
            pvc("b", "10GB"),
            pvc("c", "1Gi").replace("  accessModes: [ReadWriteOnce]\n", "")
        ),
    );
    s.write("dir/one.yaml", &pvc("one", "1Gi"));
    s.write("dir/two.yml", &pvc("two", "1Gi"));
    s.write("dir/notes.txt", "hello");
    s.write("dir/sub/three.yaml", &pvc("three", "1Gi"));
    show(
        &mut s,
        &[
            "kubectl create -f pvc.yaml",
            "kubectl apply -f pvc.yaml",
            "kubectl apply -f pvc.yaml",
            "kubectl apply -f pvc2.yaml",
            "kubectl apply -f pvc3.yaml",
            "kubectl apply -f ns.yaml",
            "kubectl apply -f ns.yaml -n default",
            "kubectl create namespace shop",
            "kubectl create namespace shop",
            "kubectl apply -f ns.yaml",
            "kubectl create -f gen.yaml",
            "kubectl apply -f gen.yaml",
            "kubectl apply -f mixed.yaml",
            "kubectl create -f mixed.yaml",
            "kubectl apply -f dir",
            "kubectl apply -f dir -R --dry-run=server",
            "kubectl apply -f dir -R -o name",
            "kubectl delete -f dir -R",
            "kubectl delete pvc -l nope=1",
            "kubectl delete pvc --all -A",
            "kubectl apply -f empty",
            "kubectl apply -f -",
            "kubectl delete pv --all -n default",
            "kubectl delete pod x --force --grace-period=0",
            "kubectl delete ns shop",
        ],
    );
}

#[test]
fn dbg_force() {
    let inv =
        kubestory::kubectl::parse_command_line("kubectl delete pod x --force --grace-period=0");
    println!("{inv:?}");
}

#[test]
fn dbg_force2() {
    let mut s = Session::new();
    let out = s.run("kubectl delete pod x --force --grace-period=0");
    println!("{:?}", out.chunks);
}
