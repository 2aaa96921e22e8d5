namespace Exchange.Silo.Access;

/// <summary>What a registered system may do at the hub. Persisted: values are fixed.</summary>
public enum SystemRole
{
    /// <summary>A vaccination clinic's system: writes and reads clinical records, stamped with its own unit.</summary>
    Clinic = 1,

    /// <summary>A hospital information system (maternity unit): registers newborns and birth doses, reads records.</summary>
    Hospital = 2,

    /// <summary>Reads the exchange log; never clinical records.</summary>
    Auditor = 3,

    /// <summary>The public portal for parents: the public lookup only.</summary>
    PublicPortal = 4,

    /// <summary>Manages systems, credentials and code maps; no clinical records.</summary>
    Administrator = 5,

    /// <summary>A disease-control centre (CDC): schedule reports of its region and the areas inside it; no clinical records.</summary>
    DiseaseControl = 6,
}
