using Collaboration.Audit.Checkpoints;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Microsoft.Data.Sqlite;

namespace Collaboration.Api.Tests.Audit;

public sealed class CheckpointTests
{
    private static async Task<AuditStore> LogOfFiveCasesAsync()
    {
        var audit = AuditStore.Create();
        for (var i = 0; i < 5; i++)
        {
            var id = TalentCaseId.New();
            await audit.AppendAsync(TalentCaseDecider.StreamName(id), AuditStore.CaseOpened(id, new PersonalDetails(PersonId.New(), $"Talent {i}", null, null)));
        }

        return audit;
    }

    private static void Execute(string databasePath, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task a_fresh_checkpoint_verifies_against_the_log()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var checkpoint = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);

        var result = await CheckpointVerifier.VerifyAsync(audit.Store, audit.Signer, checkpoint);

        checkpoint.Position.Should().Be(5);
        result.IsValid.Should().BeTrue(result.Detail);
        result.Finding.Should().Be(CheckpointFinding.Valid);
    }

    [Fact]
    public async Task a_byte_changed_in_the_database_is_found_at_its_position()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var checkpoint = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);

        Execute(audit.DatabasePath, "UPDATE events SET data = CAST(replace(CAST(data AS TEXT), 'RO', 'RU') AS BLOB) WHERE position = 3;");

        var chain = await audit.Store.VerifyAsync();
        chain.IsValid.Should().BeFalse();
        chain.FirstBadPosition.Should().Be(3);
        var result = await CheckpointVerifier.VerifyAsync(audit.Store, audit.Signer, checkpoint);
        result.Finding.Should().Be(CheckpointFinding.ChainBroken);
        result.FirstBadPosition.Should().Be(3);
    }

    [Fact]
    public async Task a_rewritten_and_rechained_log_passes_its_own_chain_but_fails_an_earlier_checkpoint()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var early = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);
        var id = TalentCaseId.New();
        await audit.AppendAsync(TalentCaseDecider.StreamName(id), AuditStore.CaseOpened(id, new PersonalDetails(PersonId.New(), "Later", null, null)));

        // Whoever can write the database changes position 2 and recomputes every later hash.
        Execute(audit.DatabasePath, "UPDATE events SET data = CAST(replace(CAST(data AS TEXT), 'RO', 'RU') AS BLOB) WHERE position = 2;");
        var previous = EventHash.Genesis.ToArray();
        foreach (var e in await audit.Store.ReadAllAsync().ToListAsync())
        {
            var hash = EventHash.Compute(previous, e);
            Execute(audit.DatabasePath, "UPDATE events SET hash = $hash WHERE position = $position;", ("$hash", hash), ("$position", e.Position));
            previous = hash;
        }

        (await audit.Store.VerifyAsync()).IsValid.Should().BeTrue("the forger recomputed the chain");
        var result = await CheckpointVerifier.VerifyAsync(audit.Store, audit.Signer, early);
        result.IsValid.Should().BeFalse();
        result.Finding.Should().Be(CheckpointFinding.RewrittenBeforeCheckpoint);
        result.FirstBadPosition.Should().Be(5);
    }

    [Fact]
    public async Task a_checkpoint_with_an_edited_hash_fails_its_signature()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var checkpoint = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);
        var forged = checkpoint with { Hash = new string('0', 64) };

        var result = await CheckpointVerifier.VerifyAsync(audit.Store, audit.Signer, forged);

        result.Finding.Should().Be(CheckpointFinding.SignatureInvalid);
    }

    [Fact]
    public async Task a_truncated_log_is_reported_against_the_checkpoint()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var checkpoint = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);
        Execute(audit.DatabasePath, "DELETE FROM events WHERE position = 5;");

        var result = await CheckpointVerifier.VerifyAsync(audit.Store, audit.Signer, checkpoint);

        result.Finding.Should().Be(CheckpointFinding.LogTruncated);
        result.FirstBadPosition.Should().Be(5);
    }

    [Fact]
    public async Task the_signing_key_is_reused_from_its_file_so_old_checkpoints_stay_verifiable()
    {
        await using var audit = await LogOfFiveCasesAsync();
        var checkpoint = audit.Signer.Sign(await audit.Store.ReadChainHeadAsync(), DateTimeOffset.UtcNow);

        using var reopened = new CheckpointSigner(audit.Signer.KeyPath!);

        reopened.KeyId.Should().Be(audit.Signer.KeyId);
        reopened.HasValidSignature(checkpoint).Should().BeTrue();
    }
}
