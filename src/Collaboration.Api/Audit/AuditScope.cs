using System.Text;
using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;

namespace Collaboration.Api.Audit;

/// <summary>
/// Which streams a caller may see in the audit trail. Office and auditors see everything. A partner sees its own
/// partner stream and the memoranda, commitments and talent cases whose events name its organisation (a memorandum
/// it is or was party to, a commitment it owns, a case it referred) — never observers, feedback, policies' drafts or
/// other people's erasure records. One instance per request: verdicts are cached per stream.
/// </summary>
public sealed class AuditScope
{
    private static readonly string[] PartnerVisiblePrefixes = ["memorandum-", "commitment-", "talent-case-"];

    private readonly IEventStore? store;
    private readonly PartnerId? partner;
    private readonly byte[] partnerIdUtf8 = [];
    private readonly Dictionary<string, bool> verdicts = new(StringComparer.Ordinal);

    private AuditScope(IEventStore? store, PartnerId? partner)
    {
        this.store = store;
        this.partner = partner;
        if (partner is { } p)
        {
            partnerIdUtf8 = Encoding.UTF8.GetBytes(p.Value.ToString());
        }
    }

    public static AuditScope Everything { get; } = new(null, null);

    public static AuditScope ForPartner(IEventStore store, PartnerId partner) => new(store, partner);

    /// <summary>The scope of a caller, so the API and the dashboard narrow the trail in the same way.</summary>
    public static AuditScope For(Caller? caller, IEventStore store) =>
        caller is { Role: CallerRole.Partner, Organisation: { } organisation } ? ForPartner(store, organisation) : Everything;

    public bool IsUnrestricted => partner is null;

    public async ValueTask<bool> CanSeeAsync(string stream, CancellationToken ct)
    {
        if (partner is not { } p)
        {
            return true;
        }

        if (verdicts.TryGetValue(stream, out var known))
        {
            return known;
        }

        var visible = stream == $"partner-{p.Value}";
        if (!visible && PartnerVisiblePrefixes.Any(prefix => stream.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await foreach (var e in store!.ReadStreamAsync(stream, ct: ct))
            {
                if (e.Data.Span.IndexOf(partnerIdUtf8) >= 0 || string.Equals(e.Metadata.Organisation, p.Value.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    visible = true;
                    break;
                }
            }
        }

        verdicts[stream] = visible;
        return visible;
    }
}
