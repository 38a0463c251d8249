// java.util.HashSet<String> iteration order, as plain data and pure functions.
//
// Why: DataTree keeps each session's ephemeral paths in a HashSet (DataTree.ephemerals,
// createNode adds, deleteNode removes). When a session closes, PrepRequestProcessor (case
// closeSession) takes DataTree.getEphemerals(session) — a HashSet.clone() of that set — and
// writes it into the CloseSessionTxn in the clone's iteration order; every replica then deletes
// (and fires watches) in that order (DataTree.killSession / deleteNodes). Real ZooKeeper 3.8.0 on
// Java 17 deletes in exactly this order (tests/golden 107, 131-135).
//
// Model (JDK 17 java.util.HashMap, which backs HashSet):
//  - bucket of a key = (h ^ (h >>> 16)) & (buckets - 1), h = String.hashCode (HashMap.hash);
//  - a new table has 16 buckets; after an insert that makes size > 0.75 x buckets it doubles
//    (putVal / resize); a resize splits each bucket keeping the entries' relative order, and an
//    insert appends at its bucket's tail, so a set iterates bucket by bucket, and inside a bucket
//    in insertion order; removes never shrink the table;
//  - an insert that makes a bucket hold 9 entries while the table is below 64 buckets doubles it
//    too (treeifyBin). Tree bins (9+ colliding keys in a table of 64+ buckets) are NOT modelled:
//    they need ~50 ephemerals of one session hashing into one bucket;
//  - clone() (HashMap.clone -> putMapEntries) makes a table of tableSizeFor((int)(n / 0.75f + 1))
//    buckets and re-inserts the entries in the original's iteration order (JDK 19+ sizes with
//    Math.ceil(n / 0.75) instead; the oracle ran Java 17).

/** A HashSet<String>: its elements in insertion order and its current table size. Plain data. */
export interface JavaHashSet {
  /** Elements in the order they were (last) inserted. */
  entries: string[];
  /** Table length: a power of two, 16 for a new set, never shrinks. */
  buckets: number;
}

const DEFAULT_BUCKETS = 16;
const LOAD_FACTOR = 0.75;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;
const MAXIMUM_CAPACITY = 1 << 30;

/** java.lang.String.hashCode: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in int arithmetic. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

/** HashMap.hash + indexFor: the bucket of a String key in a table of `buckets` (a power of two). */
export function bucketOf(text: string, buckets: number): number {
  const hash = javaStringHash(text);
  return ((hash ^ (hash >>> 16)) & (buckets - 1)) >>> 0;
}

/** HashMap.tableSizeFor: the smallest power of two >= capacity (at least 1, at most 2^30). */
export function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity && size < MAXIMUM_CAPACITY) size *= 2;
  return size;
}

/** A new, empty HashSet (the table is allocated on first insert with 16 buckets). */
export function newJavaHashSet(buckets = DEFAULT_BUCKETS): JavaHashSet {
  return { entries: [], buckets };
}

/** Deep copy of the plain data (not Java's clone(), see cloneJavaHashSet). */
export function copyJavaHashSet(set: JavaHashSet): JavaHashSet {
  return { entries: set.entries.slice(), buckets: set.buckets };
}

/** HashSet.add (in place): appends a new element, then grows the table as HashMap.putVal would. No-op when present. */
export function addToJavaHashSet(set: JavaHashSet, element: string): void {
  if (set.entries.includes(element)) return;
  const bucket = bucketOf(element, set.buckets);
  const alreadyInBucket = set.entries.filter((entry) => bucketOf(entry, set.buckets) === bucket).length;
  set.entries.push(element);
  // putVal: appending the 9th entry of a bin calls treeifyBin, which only resizes below 64 buckets.
  if (alreadyInBucket >= TREEIFY_THRESHOLD && set.buckets < MIN_TREEIFY_CAPACITY) set.buckets *= 2;
  // putVal: if (++size > threshold) resize().
  if (set.entries.length > set.buckets * LOAD_FACTOR && set.buckets < MAXIMUM_CAPACITY) set.buckets *= 2;
}

/** HashSet.remove (in place): the table keeps its size. Returns true when the element was there. */
export function removeFromJavaHashSet(set: JavaHashSet, element: string): boolean {
  const index = set.entries.indexOf(element);
  if (index === -1) return false;
  set.entries.splice(index, 1);
  return true;
}

/** Iteration order of the set: bucket 0 upwards, insertion order inside a bucket. */
export function javaHashSetIteration(set: JavaHashSet): string[] {
  return set.entries
    .map((entry, sequence) => ({ entry, sequence, bucket: bucketOf(entry, set.buckets) }))
    .sort((left, right) => left.bucket - right.bucket || left.sequence - right.sequence)
    .map(({ entry }) => entry);
}

/** HashSet.clone (JDK 17): a table sized for the element count, filled in the original's iteration order. */
export function cloneJavaHashSet(set: JavaHashSet): JavaHashSet {
  const count = set.entries.length;
  if (count === 0) return newJavaHashSet();
  // putMapEntries: float ft = (float) s / loadFactor + 1.0F; threshold = tableSizeFor((int) ft).
  const ft = Math.fround(Math.fround(count / LOAD_FACTOR) + 1);
  const clone = newJavaHashSet(tableSizeFor(Math.floor(ft)));
  for (const entry of javaHashSetIteration(set)) addToJavaHashSet(clone, entry);
  return clone;
}

/**
 * The order in which a closing session's ephemerals are deleted, given the paths in the order
 * they were added to a fresh HashSet (no removes): the iteration order of the set's clone.
 */
export function javaHashSetOrder(pathsInInsertionOrder: readonly string[]): string[] {
  const set = newJavaHashSet();
  for (const path of pathsInInsertionOrder) addToJavaHashSet(set, path);
  return javaHashSetIteration(cloneJavaHashSet(set));
}
