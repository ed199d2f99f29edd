// `npm start`: serves the production build (`npm run build` first). adapter-node reads PORT and
// HOST when build/index.js is imported, so the defaults go into the environment before that.
process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';

const { server } = await import('../build/index.js');
const httpServer = server.server;

function announce() {
	const address = httpServer.address();
	const port = typeof address === 'object' && address ? address.port : process.env.PORT;
	const host = process.env.HOST;
	const isLocal = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
	const shown = isLocal ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	console.log(`Spinnenweb draait op http://${shown}:${port}`);
}

if (httpServer.listening) announce();
else httpServer.once('listening', announce);
