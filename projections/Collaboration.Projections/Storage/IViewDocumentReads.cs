namespace Collaboration.Projections.Storage;

/// <summary>
/// Reads of stored documents while a batch is applied, outside any write transaction: only the runner writes its
/// generations, so committed documents are current. Opened per batch; most live batches read nothing, so an
/// implementation should connect on the first read.
/// </summary>
public interface IViewDocumentReads : IStoredDocuments, IAsyncDisposable;
