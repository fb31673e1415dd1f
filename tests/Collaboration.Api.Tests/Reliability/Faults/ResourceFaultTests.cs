using System.Diagnostics;
using System.Net;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Reliability.Faults;

/// <summary>
/// Issue 14, item 6: real resource faults under the running app — the log's disk full, the database file read-only, the
/// database locked by another process, the key file missing. While the fault lasts a write is answered 503
/// problem+json (<c>store.unavailable</c>, Retry-After) and moves nothing in the log, reads keep answering; once the
/// fault clears the same write passes without a restart, and the log is dense with a verifying chain (ADR 0017).
/// </summary>
public sealed class ResourceFaultTests(FaultVolumeApi api) : IClassFixture<FaultVolumeApi>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(20);

    private IEventStore Store => api.Services.GetRequiredService<IEventStore>();

    [SkippableFact]
    public async Task disk_full_under_the_log_refuses_writes_with_503_and_writes_pass_again_once_space_is_freed()
    {
        var office = await ReadyAsync();
        api.Volume.Fill();
        try
        {
            // Pages the log's files already own still take a few writes; the first one that needs a new block is refused.
            await WritesPassUntilRefusedAsync(office, limit: 500);
            await WriteIsRefusedAsync(office);
            await ReadsWorkAsync(office);
        }
        finally
        {
            api.Volume.Free();
        }

        await RecoversAsync(office);
    }

    [SkippableFact]
    public async Task a_read_only_database_file_refuses_writes_with_503_and_writes_pass_again_once_it_is_writable()
    {
        var office = await ReadyAsync();
        string[] files = [api.LogPath, api.LogPath + "-wal"];
        LoopVolume.SetImmutable(true, files);
        try
        {
            await WriteIsRefusedAsync(office);
            await ReadsWorkAsync(office);
        }
        finally
        {
            LoopVolume.SetImmutable(false, files);
        }

        await RecoversAsync(office);
    }

    [SkippableFact]
    public async Task a_database_locked_by_another_process_refuses_writes_with_503_and_writes_pass_again_once_it_lets_go()
    {
        var office = await ReadyAsync();
        using (var holder = StartLockHolder(api.LogPath))
        {
            await WriteIsRefusedAsync(office);
            await ReadsWorkAsync(office);
            await holder.StandardInput.WriteLineAsync("ROLLBACK;");
            await holder.StandardInput.WriteLineAsync(".quit");
            await holder.WaitForExitAsync();
        }

        await RecoversAsync(office);
    }

    [SkippableFact]
    public async Task a_missing_key_file_refuses_writes_that_seal_personal_data_and_is_never_recreated_empty()
    {
        var office = await ReadyAsync();
        var keysBefore = CountKeys();
        var away = Path.Combine(api.Volume.MountPoint, "away");
        Directory.CreateDirectory(away);
        string[] files = [api.KeysPath, api.KeysPath + "-wal", api.KeysPath + "-shm"];
        foreach (var file in files.Where(File.Exists))
        {
            File.Move(file, Path.Combine(away, Path.GetFileName(file)));
        }

        try
        {
            await WriteIsRefusedAsync(office, withContact: true);
            File.Exists(api.KeysPath).Should().BeFalse("a missing key file must not be recreated empty: every sealed field would read as erased");
            await ReadsWorkAsync(office);
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(away))
            {
                File.Move(file, Path.Combine(api.Volume.MountPoint, Path.GetFileName(file)));
            }
        }

        var created = await RecoversAsync(office, withContact: true);
        CountKeys().Should().Be(keysBefore + 1, "the new contact's key is in the key file put back, not in a file that no longer exists");
        var partner = await (await office.GetAsync($"/api/v1/partners/{created}")).ReadJsonAsync();
        partner.ToJsonString().Should().Contain("fault@partner.example", "the contact sealed after recovery opens with the key in the file");
    }

    private async Task<HttpClient> ReadyAsync()
    {
        Skip.If(api.Volume.SkipReason is not null, api.Volume.SkipReason);
        var office = api.Office();
        (await office.PostAsync("/api/v1/partners", Partner(withContact: true))).StatusCode.Should().Be(HttpStatusCode.Created);
        return office;
    }

    private async Task WriteIsRefusedAsync(HttpClient office, bool withContact = false)
    {
        var head = await Store.ReadHeadPositionAsync();
        var response = await office.PostAsync("/api/v1/partners", Partner(withContact));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("store.unavailable");
        (await Store.ReadHeadPositionAsync()).Should().Be(head, "a refused write moves nothing in the log");
    }

    private async Task WritesPassUntilRefusedAsync(HttpClient office, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            var head = await Store.ReadHeadPositionAsync();
            var response = await office.PostAsync("/api/v1/partners", Partner(withContact: false));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                (await Store.ReadHeadPositionAsync()).Should().Be(head, "a refused write moves nothing in the log");
                return;
            }

            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        throw new InvalidOperationException($"{limit} writes to a full volume all passed.");
    }

    private static async Task ReadsWorkAsync(HttpClient office)
    {
        (await office.GetAsync("/api/v1/partners")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await office.GetAsync("/api/v1/audit/events?limit=5")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>The same write passes again without a restart, and the log is whole.</summary>
    private async Task<Guid> RecoversAsync(HttpClient office, bool withContact = false)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        do
        {
            response = await office.PostAsync("/api/v1/partners", Partner(withContact));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                break;
            }

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "while the store recovers a write is refused, never failed");
            await Task.Delay(250);
        }
        while (clock.Elapsed < RecoveryLimit);

        response.StatusCode.Should().Be(HttpStatusCode.Created, "the app recovers by itself when the fault clears");
        var head = await Store.ReadHeadPositionAsync();
        (await Store.ReadAllAsync().CountAsync()).Should().Be((int)head, "positions stay dense");
        (await Store.VerifyAsync()).IsValid.Should().BeTrue("nothing is corrupted");
        return await response.CreatedIdAsync();
    }

    private long CountKeys()
    {
        using var keys = new SqlitePersonalKeyStore(api.KeysPath);
        return keys.Count();
    }

    private static StringContent Partner(bool withContact)
    {
        object[] contacts = withContact ? [new { name = "Fault Contact", title = "Liaison", email = "fault@partner.example", phone = (string?)null }] : [];
        return ApiJson.Body(new
        {
            kind = "Enterprise",
            name = new { zh = "故障企业", en = "Fault Enterprise" },
            contacts,
            externalReference = (string?)null,
        });
    }

    /// <summary>
    /// Another process (the sqlite3 shell) takes the database's write lock and keeps it until told to let go; readers in
    /// WAL mode go on reading.
    /// </summary>
    private static Process StartLockHolder(string database)
    {
        Process holder;
        try
        {
            holder = Process.Start(new ProcessStartInfo("sqlite3", [database])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SkipException($"the lock test needs the sqlite3 shell as the other process: {e.Message}");
        }

        holder.StandardInput.WriteLine(".timeout 10000");
        holder.StandardInput.WriteLine("BEGIN IMMEDIATE;");
        holder.StandardInput.WriteLine("SELECT 'locked';");
        holder.StandardInput.Flush();
        holder.StandardOutput.ReadLine().Should().Be("locked", "the other process must hold the write lock");
        return holder;
    }
}
