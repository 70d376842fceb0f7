/**
 * The console's live room, kept in IndexedDB beside the workshop session: the room's code and
 * token (so a reload reconnects to the same room) and the ballots as last received (so a server
 * restart or a reload loses no vote). One small database of its own: no change to the app's schema.
 */
export interface SavedRoom {
  sessionId: string;
  serverUrl: string;
  code: string;
  token: string;
  ballots: Uint8Array | null;
}

const DB = 'kohtaamo-live';
const STORE = 'rooms';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'sessionId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export const loadRoom = (sessionId: string) => run<SavedRoom | undefined>('readonly', (s) => s.get(sessionId));
export const saveRoom = (room: SavedRoom) => run('readwrite', (s) => s.put(room)).then(() => undefined);
export const forgetRoom = (sessionId: string) => run('readwrite', (s) => s.delete(sessionId)).then(() => undefined);
