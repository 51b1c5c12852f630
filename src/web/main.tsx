/** Entry: styles, theme, who is logged in, then the app. */
import { render } from 'preact';
import { App } from './App.js';
import { applyTheme, loadMe } from './state.js';
import './styles.css';

applyTheme();
void loadMe();
const root = document.getElementById('app');
if (root) render(<App />, root);
