/**
 * Axon event storage on MongoDB without transactions and without range queries.
 *
 * <h2>Why this shape</h2>
 * The store must behave the same on a MongoDB replica set and on the embedded mongo-java-server, which has no
 * transactions and whose only indexes are unique ones that serve exact-match and {@code $in} lookups; every other
 * query scans the whole collection. So every hot read here (aggregate load, tracking batch, last sequence number,
 * snapshot) is an exact or {@code $in} lookup on {@code _id} or a unique index. {@code HotReadsUseOnlyKeyLookupsTest}
 * checks this at the wire.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@code events}: one document per append ("commit"), inserted with a single {@code insertOne}, so a unit of
 *   work's events become visible all together or not at all.
 *   {@code _id} = global position of its first event; event {@code i} sits at {@code _id + i}.
 *   {@code positions} = every global position the commit occupies (unique multikey index).
 *   {@code streamKeys} = {@code aggregateId:sequenceNumber} of every event (unique multikey index).
 *   {@code storedAt} = writer wall clock in epoch millis. {@code events} = the serialized events, laid out by
 *   {@link cn.linkage.command.eventstore.EventEntryCodec} (the single place to add per-event fields such as a hash
 *   chain). Timestamps are Axon's ISO strings, which keep nanoseconds.</li>
 *   <li>{@code counters}: document {@code _id = <events collection name>} whose {@code value} is the last reserved
 *   global position; {@code findOneAndUpdate $inc} reserves all positions of a commit at once. Positions start at 1.</li>
 *   <li>{@code snapshots}: {@code _id} = aggregate id, one latest snapshot per aggregate; an older one never replaces a
 *   newer one.</li>
 * </ul>
 * Events without an aggregate are stored as Axon's JDBC engine stores them (aggregate id = event id, sequence 0,
 * no type) and are handed to processors as plain events again.
 *
 * <h2>Optimistic concurrency</h2>
 * A writer appends at (last sequence it loaded) + 1. If another writer stored that slot first, the insert fails on
 * the unique {@code streamKeys} index (E11000) and {@link cn.linkage.command.eventstore.MongoDuplicateKeyResolver}
 * lets Axon turn it into a {@code ConcurrencyException}, or an {@code AggregateStreamCreationException} at sequence 0.
 * A unique multikey index does not compare keys inside one document, so a commit that repeats an event slot or an
 * event identifier is refused before anything is written, through the same path. Duplicate event identifiers
 * across commits are not detected (Axon creates random UUIDs; an index for it would cost one more entry per event).
 * A commit whose events of one aggregate skip a sequence number is refused with an IllegalArgumentException.
 *
 * <h2>Deviation from the first design: a key per event, not per commit</h2>
 * The design first proposed one stream key per aggregate per commit (its first sequence number), which is enough
 * to detect conflicts. But Axon's contract also reads from positions inside a commit: an aggregate loaded after a
 * snapshot ({@code readPartialStream}) and a tracking token stored after some of a commit's events
 * ({@code loadPartialStreamOfTrackedEvents}, {@code createTokenWithUnorderedEvents}). With first-event keys both
 * need extra backward probing; with a key per event (and a position per event) each is one {@code $in}. The price
 * is one index entry per event in each of the two indexes, as a row-per-event JDBC store pays. mongo-java-server
 * enforces unique multikey indexes across documents and serves {@code $in} from them (pinned in
 * {@code MongoJavaServerCapabilitiesTest}); it returns a document once per matching key, so readers deduplicate by
 * {@code _id}.
 *
 * <h2>Loading an aggregate</h2>
 * {@code streamKeys $in [agg:s .. agg:s+W-1]} (W = {@code aggregateProbeWindow}, default 32). An aggregate's
 * sequence numbers are contiguous, so if the highest one found is below {@code s+W-1} the stream is complete;
 * otherwise the next window starts after it. A typical ticket loads in one query.
 *
 * <h2>Streaming (tracking) reads</h2>
 * Axon's {@code GapAwareTrackingToken}. Two keyed queries: {@code _id $in [index+1 .. index+batchSize]} for the
 * commits starting in the window, and {@code positions $in (gaps of the token ∪ {index+1})} for the commit a token
 * stopped inside and the commits holding its gaps (the positions index returns a commit once per matching key on
 * the embedded store, so it is kept for these few positions); commits are sorted in memory and their events emitted in position order, each with its own
 * token. A position not found below the highest position emitted becomes a gap, to be delivered when (if) its commit
 * appears. If a whole window holds nothing while the counter shows reservations beyond it (e.g. a large commit that
 * lost its race), the window is widened (doubling, always starting right after the token, so a commit that became
 * visible meanwhile still comes out in order) until something is found or the counter is reached.
 * <p>
 * Per-aggregate order holds because a writer reserves its positions only after loading the aggregate, i.e. after
 * the previous commit of that aggregate was inserted, and a reader that sees the later commit therefore sees the
 * earlier one in the same or an earlier query.
 *
 * <h2>Gaps: why no event is skipped</h2>
 * Reserved positions whose insert fails (conflict, crash) stay gaps forever. A reader drops a run of gaps once the
 * commit right after it was stored more than {@code gapTimeout} (default 60 s) ago, judged by that commit's
 * {@code storedAt} (one more {@code $in} lookup when the token has gaps), and keeps at most {@code maxGapOffset}
 * (default 10,000) positions of gaps below its index. A writer measures (System.nanoTime) the time between reserving
 * and inserting; past half the gap timeout it abandons the reservation (leaving a gap) and reserves again. The commit
 * after a gap reserved later than the gap's writer, so a gap is either filled or abandoned within half a timeout of
 * that commit's {@code storedAt}; the other half is margin for clock skew between nodes and insert latency.
 * Operators: keep clocks synchronised well within {@code gapTimeout / 2}, and choose {@code maxGapOffset} above the
 * number of positions reserved during one {@code gapTimeout} at peak, or a slow writer's event can be skipped by
 * the offset limit instead. Residual risk: an insert that is sent in time but takes longer than half the timeout
 * inside the server.
 *
 * <h2>Tokens</h2>
 * Tail = index 0. Head = the counter's value; commits in flight at that moment lie below it and are not seen from a
 * head token (as with Axon's JDBC engine). {@code createTokenAt(instant)} reads every commit (timestamps are not
 * indexed); it runs only when an operator resets a processor to a point in time.
 *
 * <h2>Limits</h2>
 * A commit is one document, so a unit of work must stay well below MongoDB's 16 MB document limit. On a replica
 * set give the {@code MongoDatabase} write concern {@code majority}: a {@code w:1} write can be rolled back at
 * fail-over after readers (and the aggregate's next writer) saw it. Reads assume a
 * single primary (read concern local/majority on the primary); reading tracking batches from secondaries could see
 * a later commit before an earlier one and is not supported.
 */
package cn.linkage.command.eventstore;
