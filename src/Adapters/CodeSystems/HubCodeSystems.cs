using Exchange.Adapters.Model;

namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// The hub's canonical code systems, loaded once from the data files under <c>CodeSystems/Data</c>
/// (embedded in this assembly; format in <c>CodeSystems/README.md</c>). A malformed file fails the load with
/// a <see cref="CodeSystemFormatException"/> naming the file and line.
/// </summary>
public sealed class HubCodeSystems
{
    private const string ResourcePrefix = "Exchange.Adapters.CodeSystems.Data.";

    private static readonly Lazy<HubCodeSystems> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CodeSystemVersion> _versions;

    private HubCodeSystems(
        string version,
        IReadOnlyList<CodeSystemVersion> versions,
        VaccineCodeSystem vaccines,
        RegionCodeSystem regions,
        CodedValueSystem<Sex> sexes,
        CodedValueSystem<Route> routes,
        CodedValueSystem<Site> sites,
        CodedValueSystem<VaccinationKind> vaccinationKinds,
        CodeAliasTable aliases)
    {
        Version = version;
        Versions = versions;
        _versions = versions.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Vaccines = vaccines;
        Regions = regions;
        Sexes = sexes;
        Routes = routes;
        Sites = sites;
        VaccinationKinds = vaccinationKinds;
        Aliases = aliases;
    }

    /// <summary>The code systems embedded in this assembly, loaded on first use.</summary>
    public static HubCodeSystems Default => LazyDefault.Value;

    /// <summary>Version of the whole set of data files (the manifest's <c>version</c>).</summary>
    public string Version { get; }

    /// <summary>Version information of each data file.</summary>
    public IReadOnlyList<CodeSystemVersion> Versions { get; }

    /// <summary>National 4-digit vaccine codes, categories and CVX mappings.</summary>
    public VaccineCodeSystem Vaccines { get; }

    /// <summary>GB/T 2260 region codes, current and retired.</summary>
    public RegionCodeSystem Regions { get; }

    /// <summary>GB/T 2261.1 sex codes.</summary>
    public CodedValueSystem<Sex> Sexes { get; }

    /// <summary>Routes of administration.</summary>
    public CodedValueSystem<Route> Routes { get; }

    /// <summary>Body sites of administration.</summary>
    public CodedValueSystem<Site> Sites { get; }

    /// <summary>Vaccination kinds (接种属性).</summary>
    public CodedValueSystem<VaccinationKind> VaccinationKinds { get; }

    /// <summary>Everyday spellings of hub codes (乙肝, HepB, 男, ...), and the preferred national code of an ambiguous CVX code.</summary>
    public CodeAliasTable Aliases { get; }

    /// <summary>Version information of the named code system (e.g. <c>regions-gbt2260</c>), or null.</summary>
    public CodeSystemVersion? VersionOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _versions.GetValueOrDefault(name);
    }

    /// <summary>
    /// Loads the code systems from data files opened by <paramref name="open"/>, which gets a file name
    /// (<c>manifest.json</c>, <c>vaccine-codes.csv</c>, ...) and returns its content, or null when it does not exist.
    /// Use it to load a provincial variant of the tables; the hub itself uses <see cref="Default"/>.
    /// </summary>
    /// <exception cref="CodeSystemFormatException">A file is missing, not listed in the manifest, or malformed.</exception>
    public static HubCodeSystems Load(Func<string, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        string version;
        IReadOnlyList<CodeSystemVersion> versions;
        using (var manifest = Open(open, CodeSystemManifest.FileName))
        {
            (version, versions) = CodeSystemManifest.Read(manifest);
        }

        var listed = versions.Select(v => v.File).ToHashSet(StringComparer.Ordinal);

        IReadOnlyList<CsvRow> Read(string file, IReadOnlyList<string> header)
        {
            if (!listed.Contains(file))
            {
                throw new CodeSystemFormatException(CodeSystemManifest.FileName, 0, $"{file} is not listed in the manifest");
            }

            using var stream = Open(open, file);
            return CsvReader.Read(file, stream, header);
        }

        var vaccines = VaccineCodeSystem.Load(
            Read(VaccineCodeSystem.CategoriesFile, VaccineCodeSystem.CategoriesHeader),
            Read(VaccineCodeSystem.CodesFile, VaccineCodeSystem.CodesHeader));
        var regions = RegionCodeSystem.Load(Read(RegionCodeSystem.File, RegionCodeSystem.Header));

        CodedValueSystem<TEnum> Coded<TEnum>(string name)
            where TEnum : struct, Enum
        {
            var file = name + ".csv";
            return CodedValueSystem<TEnum>.Load(name, file, Read(file, CodedValueSystem<TEnum>.Header));
        }

        var sexes = Coded<Sex>("sex");
        var routes = Coded<Route>("route");
        var sites = Coded<Site>("site");
        var kinds = Coded<VaccinationKind>("vaccination-kind");
        bool CodeExists(string system, string code) => system switch
        {
            CodeAliasTable.Vaccine or CodeAliasTable.VaccineCvx => vaccines.Find(code) is not null,
            "sex" => sexes.Find(code) is not null,
            "route" => routes.Find(code) is not null,
            "site" => sites.Find(code) is not null,
            "kind" => kinds.Find(code) is not null,
            _ => false,
        };

        var aliases = CodeAliasTable.Load(Read(CodeAliasTable.File, CodeAliasTable.Header), CodeExists);
        return new HubCodeSystems(version, versions, vaccines, regions, sexes, routes, sites, kinds, aliases);
    }

    private static Stream Open(Func<string, Stream?> open, string file) =>
        open(file) ?? throw new CodeSystemFormatException(file, 0, "file not found");

    private static HubCodeSystems LoadEmbedded()
    {
        var assembly = typeof(HubCodeSystems).Assembly;
        return Load(file => assembly.GetManifestResourceStream(ResourcePrefix + file));
    }
}
