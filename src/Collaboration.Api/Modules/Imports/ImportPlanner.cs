using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Modules.Partners;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Decides what each row of an import would do, reading the log as it stands: a row whose key names nothing yet is a
/// create, one whose values match the item is unchanged, one that differs is an update (partners) or an error
/// (commitments: their terms change only through the commands that record why — ADR 0020). Every create and update
/// is first run through the item's own decider, so a row the rules would refuse shows as an error in the preview,
/// not as a failure at confirmation. Planning appends nothing.
/// </summary>
public sealed class ImportPlanner(StreamExecutor executor, IMediator mediator, TimeProvider time, ILogger<ImportPlanner> logger)
{
    public async Task<IReadOnlyList<PlannedRow>> PlanAsync(ImportKind kind, IReadOnlyList<ImportSourceRow> rows, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedRow>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var memoranda = new Dictionary<Guid, MemorandumSnapshot?>();
        foreach (var row in rows)
        {
            planned.Add(kind == ImportKind.Partners
                ? await PartnerAsync(row, seen, cancellationToken)
                : await CommitmentAsync(row, seen, memoranda, cancellationToken));
            if (planned.Count % ImportLimits.ProgressEvery == 0)
            {
                logger.LogInformation("Import plan: {Planned} of {Rows} rows checked against the log", planned.Count, rows.Count);
            }
        }

        return planned;
    }

    private async Task<PlannedRow> PartnerAsync(ImportSourceRow row, Dictionary<string, int> seen, CancellationToken cancellationToken)
    {
        var values = new ImportValues(row);
        var reference = Reference(values, row, seen, key: null);
        var kind = values.Enum<PartnerKind>(ImportColumns.Kind);
        var name = new BilingualText(values.Text(ImportColumns.NameZh, 200), values.Text(ImportColumns.NameEn, 200));
        if (values.Errors.Count > 0 || reference is null || kind is not { } partnerKind)
        {
            return Error(row, reference, values);
        }

        var now = time.GetUtcNow();
        var reservation = await executor.LoadAsync<PartnerReferenceDecider, PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>(
            PartnerReferenceDecider.StreamName(reference), cancellationToken);
        if (reservation.State is not ReservedReference reserved)
        {
            var register = new RegisterPartner(PartnerId.New(), partnerKind, name, [], reference, now);
            if (PartnerDecider.Decide(register, PartnerDecider.Initial).Error is { } refused)
            {
                return Error(row, reference, values.Fail(null, refused));
            }

            return new PlannedRow(Result(row, reference, ImportAction.Create), (caller, options, ct) =>
                mediator.Send(new RegisterPartnerRequest(caller, options, PartnerId.From(HttpWrite.NewAggregateId(caller, options)),
                    new RegisterPartnerBody(partnerKind, name, [], reference)), ct).AsTask());
        }

        var partner = reserved.Partner;
        var loaded = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(PartnerDecider.StreamName(partner), cancellationToken);
        var (onFileKind, onFileName, contacts) = loaded.State switch
        {
            ActivePartner p => (p.Kind, p.Name, p.Contacts),
            InactivePartner p => (p.Kind, p.Name, p.Contacts),
            _ => (partnerKind, name, (IReadOnlyList<PartnerContact>)[]),
        };
        var changes = new List<string>();
        if (onFileKind != partnerKind)
        {
            changes.Add(ImportColumns.Kind);
        }

        if (!Same(onFileName.Zh, name.Zh))
        {
            changes.Add(ImportColumns.NameZh);
        }

        if (!Same(onFileName.En, name.En))
        {
            changes.Add(ImportColumns.NameEn);
        }

        if (changes.Count == 0)
        {
            return new PlannedRow(Result(row, reference, ImportAction.Unchanged), null);
        }

        // Contacts are not in the sheet: an update keeps the ones on file.
        UpdatePartnerDetails Update(PartnerState state) => new(partner, partnerKind, name, state switch
        {
            ActivePartner p => p.Contacts,
            InactivePartner p => p.Contacts,
            _ => contacts,
        }, time.GetUtcNow());

        if (PartnerDecider.Decide(Update(loaded.State), loaded.State).Error is { } invalid)
        {
            return Error(row, reference, values.Fail(null, invalid));
        }

        return new PlannedRow(Result(row, reference, ImportAction.Update, changes), (caller, options, ct) =>
            executor.ExecuteAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
                partner.Value, PartnerDecider.StreamName(partner), StreamIntent.Update, Update, caller, options, ct));
    }

    private async Task<PlannedRow> CommitmentAsync(
        ImportSourceRow row, Dictionary<string, int> seen, Dictionary<Guid, MemorandumSnapshot?> memoranda, CancellationToken cancellationToken)
    {
        var values = new ImportValues(row);
        var memorandumId = values.Id(ImportColumns.Memorandum);
        var reference = Reference(values, row, seen, key: memorandumId?.ToString("N"));
        var ownerText = values.Required(ImportColumns.Owner, 100);
        var focusArea = values.Enum<FocusArea>(ImportColumns.FocusArea);
        var description = new BilingualText(values.Text(ImportColumns.DescriptionZh, 2000), values.Text(ImportColumns.DescriptionEn, 2000));
        var dueDate = values.Date(ImportColumns.DueDate);
        var weight = values.Number(ImportColumns.Weight, 0m, 1000m);

        MemorandumSnapshot? memorandum = null;
        if (memorandumId is { } mid)
        {
            if (!memoranda.TryGetValue(mid, out memorandum))
            {
                memorandum = memoranda[mid] = MemorandumDecider.Snapshot((await executor.LoadAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
                    MemorandumDecider.StreamName(MemorandumId.From(mid)), cancellationToken)).State);
            }

            if (memorandum is null)
            {
                values.Fail("import.memorandum-not-found", ImportColumns.Memorandum, "未找到该备忘录。", "No such memorandum.");
            }
        }

        PartnerId? owner = null;
        if (ownerText is not null)
        {
            owner = await OwnerAsync(ownerText, cancellationToken);
            if (owner is null)
            {
                values.Fail("import.owner-not-found", ImportColumns.Owner, $"未找到外部编号或编号为“{ownerText}”的合作单位。",
                    $"No partner has the external reference or id '{ownerText}'.");
            }
        }

        if (values.Errors.Count > 0 || reference is null || memorandum is null || owner is not { } ownerId
            || focusArea is not { } area || dueDate is not { } due || weight is not { } share)
        {
            return Error(row, reference, values);
        }

        var id = CommitmentReference.IdFor(memorandum.Id, reference);
        var loaded = await executor.LoadAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
            CommitmentDecider.StreamName(id), cancellationToken);
        if (loaded.State is ExistingCommitment existing)
        {
            var file = existing.File;
            var changes = new List<string>();
            AddIf(changes, file.Owner != ownerId, ImportColumns.Owner);
            AddIf(changes, file.FocusArea != area, ImportColumns.FocusArea);
            AddIf(changes, !Same(file.Description.Zh, description.Zh), ImportColumns.DescriptionZh);
            AddIf(changes, !Same(file.Description.En, description.En), ImportColumns.DescriptionEn);
            AddIf(changes, file.DueDate != due, ImportColumns.DueDate);
            AddIf(changes, file.Weight != share, ImportColumns.Weight);
            if (changes.Count == 0)
            {
                return new PlannedRow(Result(row, reference, ImportAction.Unchanged), null);
            }

            // A commitment's terms were agreed with its owner; changing them is a recorded decision (reschedule a
            // milestone, cancel and propose anew), never a silent overwrite from a spreadsheet.
            return Error(row, reference, values.Fail("import.commitment-change-refused", string.Join(',', changes),
                $"已有的承诺事项不能通过导入修改（{string.Join("、", changes)}）；请在跟踪系统中办理。",
                $"An existing commitment cannot be changed by import ({string.Join(", ", changes)}); make the change in the tracker."));
        }

        ProposeCommitment Propose(Caller caller) =>
            new(id, memorandum, area, ownerId, description, due, share, caller.ToActor(), time.GetUtcNow(), reference);

        if (CommitmentDecider.Decide(Propose(Caller.System), CommitmentDecider.Initial).Error is { } refused)
        {
            return Error(row, reference, values.Fail(null, refused));
        }

        return new PlannedRow(Result(row, reference, ImportAction.Create), (caller, options, ct) =>
            executor.ExecuteAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
                id.Value, CommitmentDecider.StreamName(id), StreamIntent.Create, _ => Propose(caller), caller, options, ct));
    }

    /// <summary>The owner column: a partner's id, or the external reference it was registered with.</summary>
    private async Task<PartnerId?> OwnerAsync(string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            var partner = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
                PartnerDecider.StreamName(PartnerId.From(id)), cancellationToken);
            return partner.Exists ? PartnerId.From(id) : null;
        }

        if (!PartnerReference.IsValid(PartnerReference.Normalise(text)))
        {
            return null;
        }

        var reservation = await executor.LoadAsync<PartnerReferenceDecider, PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>(
            PartnerReferenceDecider.StreamName(text), cancellationToken);
        return reservation.State is ReservedReference reserved ? reserved.Partner : null;
    }

    /// <summary>The row's normalised key; a key seen on an earlier line (within the same memorandum) is an error.</summary>
    private static string? Reference(ImportValues values, ImportSourceRow row, Dictionary<string, int> seen, string? key)
    {
        if (values.Required(ImportColumns.Reference, PartnerReference.MaxLength * 2) is not { } text)
        {
            return null;
        }

        var reference = PartnerReference.Normalise(text);
        if (!PartnerReference.IsValid(reference))
        {
            values.Fail("import.reference-invalid", ImportColumns.Reference,
                "外部编号须为1至100个字母、数字或 - _ . / :（空格视为 -）。", "An external reference is 1 to 100 letters, digits or - _ . / : (spaces become -).");
            return null;
        }

        if (seen.TryGetValue(key + "|" + reference, out var first))
        {
            values.Fail("import.reference-duplicate", ImportColumns.Reference,
                $"外部编号与第 {first} 行重复。", $"The same external reference as line {first}.");
            return reference;
        }

        seen[key + "|" + reference] = row.Line;
        return reference;
    }

    private static void AddIf(List<string> changes, bool changed, string column)
    {
        if (changed)
        {
            changes.Add(column);
        }
    }

    /// <summary>An empty cell and a missing translation are the same thing.</summary>
    private static bool Same(string? onFile, string? inSheet) =>
        string.Equals(string.IsNullOrWhiteSpace(onFile) ? null : onFile.Trim(), inSheet, StringComparison.Ordinal);

    private static ImportRowResult Result(ImportSourceRow row, string? reference, ImportAction action, IReadOnlyList<string>? changes = null) =>
        new(row.Line, reference, action, changes ?? [], []);

    private static PlannedRow Error(ImportSourceRow row, string? reference, ImportValues values) =>
        new(new ImportRowResult(row.Line, reference, ImportAction.Error, [], [.. values.Errors]), null);
}
