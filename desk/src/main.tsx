// Entry point of the staff desk: mounts the app into index.html's #app.
import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './styles/desk.scss';
import { App } from './app.js';

render(<App />, document.getElementById('app')!);
