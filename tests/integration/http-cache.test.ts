import { httpCacheCases } from '../helpers/http-cache-cases';

// The default: the response cache in this process's memory.
httpCacheCases({ PPID_HTTP_CACHE_STORE: 'memory' });
