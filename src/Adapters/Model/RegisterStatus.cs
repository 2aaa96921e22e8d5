namespace Exchange.Adapters.Model;

/// <summary>Register status (在册情况) at the managing unit; values are the provincial client codes.</summary>
public enum RegisterStatus
{
    Local = 1,
    MovedOut = 2,
    TemporarilyAway = 3,
    Dead = 4,
    Deleted = 5,
    EnteredSchool = 6,
    EnteredKindergarten = 7,
    VaccinatedElsewhere = 8,
    TemporaryVaccination = 9,
    TransferredIn = 10,
}
