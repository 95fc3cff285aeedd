extension Plan {
    /// The plan as read from the same bytes at `path`, another spelling of the file's place
    /// (`wards/a.txt` for `/home/x/wards/a.txt`): a plan shows its path only as the path it records
    /// in its source and in its own diagnostics, so those are all that change.
    func relocated(to path: String) -> Plan {
        let old = source.path
        guard path != old else { return self }
        var plan = self
        plan.source.path = path
        for i in plan.diagnostics.indices where plan.diagnostics[i].path == old {
            plan.diagnostics[i].path = path
        }
        return plan
    }
}
