import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Ant Design's base styles (no 8px body margin around the layout).
import 'antd/dist/reset.css';
import './i18n';
import { App } from './App';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
