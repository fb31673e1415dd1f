using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>One entry of the bilingual policy catalogue: published, revised (numbered), retired.</summary>
public sealed class PolicyDecider : IDecider<PolicyState, IPolicyCommand, IPolicyEvent>
{
    public static PolicyState Initial => UnpublishedPolicy.Instance;

    public static string StreamName(PolicyId id) => StreamCatalogue.Policies.StreamOf(id.Value);

    /// <summary>The facts a package delivery needs, or null when the stream holds no policy.</summary>
    public static PolicySnapshot? Snapshot(PolicyState state) => state switch
    {
        PublishedPolicy p => new PolicySnapshot(p.Id, p.Revision, IsRetired: false),
        RetiredPolicy p => new PolicySnapshot(p.Id, p.Revision, IsRetired: true),
        _ => null,
    };

    public static Decision<IPolicyEvent> Decide(IPolicyCommand command, PolicyState state) => command switch
    {
        PublishPolicy c => Publish(c, state),
        RevisePolicy c => Revise(c, state),
        RetirePolicy c => Retire(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown policy command."),
    };

    public static PolicyState Evolve(PolicyState state, IPolicyEvent @event) => (state, @event) switch
    {
        (UnpublishedPolicy, PolicyPublished e) => new PublishedPolicy(e.Policy, e.Content, Revision: 1),
        (PublishedPolicy p, PolicyRevised e) => p with { Content = e.Content, Revision = e.Revision },
        (PublishedPolicy p, PolicyRetired e) => new RetiredPolicy(p.Id, p.Content, p.Revision, e.Reason),
        _ => state,
    };

    private static Decision<IPolicyEvent> Publish(PublishPolicy c, PolicyState state)
    {
        if (state is not UnpublishedPolicy)
        {
            return PolicyErrors.AlreadyPublished;
        }

        return Validate(c.Content) is { } invalid
            ? invalid
            : new IPolicyEvent[] { new PolicyPublished(c.Policy, c.Content, c.At) };
    }

    private static Decision<IPolicyEvent> Revise(RevisePolicy c, PolicyState state)
    {
        if (state is not PublishedPolicy published)
        {
            return state is RetiredPolicy ? PolicyErrors.Retired : PolicyErrors.NotPublished;
        }

        if (Validate(c.Content) is { } invalid)
        {
            return invalid;
        }

        if (c.Changes.IsEmpty)
        {
            return PolicyErrors.ChangesRequired;
        }

        // A revision that changes nothing would bump the number readers cite without a reason to.
        return published.Content == c.Content
            ? PolicyErrors.Unchanged
            : new IPolicyEvent[] { new PolicyRevised(c.Policy, published.Revision + 1, c.Content, c.Changes, c.At) };
    }

    private static Decision<IPolicyEvent> Retire(RetirePolicy c, PolicyState state) => state switch
    {
        UnpublishedPolicy => PolicyErrors.NotPublished,
        RetiredPolicy => PolicyErrors.Retired,
        _ when c.Reason.IsEmpty => PolicyErrors.ReasonRequired,
        _ => new IPolicyEvent[] { new PolicyRetired(c.Policy, c.Reason, c.At) },
    };

    private static DomainError? Validate(PolicyContent content)
    {
        if (content.Title.IsEmpty)
        {
            return PolicyErrors.TitleRequired;
        }

        if (content.Summary.IsEmpty)
        {
            return PolicyErrors.SummaryRequired;
        }

        if (content.IssuingDepartment.IsEmpty)
        {
            return PolicyErrors.DepartmentRequired;
        }

        if (!Enum.IsDefined(content.Category))
        {
            return PolicyErrors.CategoryInvalid;
        }

        var linkIsWeb = content.Link is null
            || (content.Link.IsAbsoluteUri && (content.Link.Scheme == Uri.UriSchemeHttp || content.Link.Scheme == Uri.UriSchemeHttps));
        return linkIsWeb ? null : PolicyErrors.LinkInvalid;
    }
}
