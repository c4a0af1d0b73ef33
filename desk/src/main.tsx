// Entry point of the staff desk: mounts the app into index.html's #app.
import { render } from 'preact';
import './styles/desk.scss';
import { App } from './app.js';

const root = document.getElementById('app')!;
// The "Loading" line of index.html is for the moment before this script runs.
root.replaceChildren();
render(<App />, root);
